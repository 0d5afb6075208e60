using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Data;

public sealed class CsvSourceTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private Dataset Load(string text, CsvSource source, int? limit = null)
    {
        folder.Write(source.Path, text);
        return DatasetLoader.Load(Some.Data(source, limit: limit), folder.Path, seed: 1);
    }

    private DataLoadException LoadFails(string text, CsvSource source)
    {
        folder.Write(source.Path, text);
        return Assert.Throws<DataLoadException>(() => DatasetLoader.Load(Some.Data(source), folder.Path, seed: 1));
    }

    [Fact]
    public void Features_are_read_by_name_in_the_order_they_are_listed()
    {
        var data = Load("a,b,c,y\n1,2,3,10\n4,5,6,20\n", Some.Csv("data.csv", targets: ["y"], features: ["c", "a"]));

        Assert.Equal(2, data.Features);
        Assert.Equal([3f, 1f, 6f, 4f], data.Train.X);
        Assert.Equal([10f, 20f], data.Train.Y);
        Assert.False(data.IsClassification);
        Assert.Null(data.Validation);
    }

    [Fact]
    public void No_features_means_every_column_but_the_targets()
    {
        var data = Load("a,y,b\n1,10,2\n3,20,4\n", Some.Csv("data.csv", targets: ["y"]));

        Assert.Equal([1f, 2f, 3f, 4f], data.Train.X);
        Assert.Equal([10f, 20f], data.Train.Y);
    }

    [Fact]
    public void Several_target_columns_make_several_outputs()
    {
        var data = Load("x,t1,t2\n1,2,3\n4,5,6\n", Some.Csv("data.csv", targets: ["t1", "t2"]));

        Assert.Equal(2, data.Targets);
        Assert.Equal([2f, 3f, 5f, 6f], data.Train.Y);
    }

    [Fact]
    public void Numbers_are_read_in_the_invariant_culture_with_exponents_signs_and_spaces()
    {
        var data = Load("x,y\n 1.5 ,-2e-3\r\n+7,1E2\r\n", Some.Csv("data.csv", targets: ["y"]));

        Assert.Equal([1.5f, 7f], data.Train.X);
        Assert.Equal([-0.002f, 100f], data.Train.Y);
    }

    [Fact]
    public void One_hot_string_labels_are_numbered_in_sorted_order()
    {
        var data = Load("x,animal\n1,cat\n2,dog\n3,ant\n4,cat\n", Some.Csv("data.csv", targets: ["animal"], oneHot: true));

        Assert.True(data.IsClassification);
        Assert.Equal(3, data.Targets);
        Assert.Equal([0f, 1f, 0f, /**/ 0f, 0f, 1f, /**/ 1f, 0f, 0f, /**/ 0f, 1f, 0f], data.Train.Y);
    }

    [Fact]
    public void One_hot_integer_labels_sort_numerically_so_2_comes_before_10()
    {
        var data = Load("x,digit\n1,10\n2,2\n3,1\n", Some.Csv("data.csv", targets: ["digit"], oneHot: true));

        Assert.Equal([0f, 0f, 1f, /**/ 0f, 1f, 0f, /**/ 1f, 0f, 0f], data.Train.Y);
    }

    [Fact]
    public void Quoted_labels_may_hold_commas_and_quotes()
    {
        var data = Load("x,city\n1,\"York, UK\"\n2,\"the \"\"new\"\" one\"\n", Some.Csv("data.csv", targets: ["city"], oneHot: true));

        // Ordinal order: 'Y' (0x59) sorts before 't' (0x74).
        Assert.Equal(2, data.Targets);
        Assert.Equal([1f, 0f, /**/ 0f, 1f], data.Train.Y);
    }

    [Fact]
    public void A_non_numeric_cell_names_the_file_the_line_the_column_and_the_value()
    {
        var error = LoadFails("a,b,y\n1,2,3\n4,abc,6\n", Some.Csv("bad.csv", targets: ["y"]));

        var path = Path.Combine(folder.Path, "bad.csv");
        Assert.Equal($"{path}:3: column 'b' holds 'abc', which is not a finite number (write numbers like 1.5 or -2e-3)", error.Message);
        Assert.Equal(3, error.Line);
        Assert.Equal(path, error.Where);
    }

    [Fact]
    public void An_empty_cell_is_reported_as_empty()
    {
        var error = LoadFails("a,y\n1,2\n,3\n", Some.Csv("data.csv", targets: ["y"]));

        Assert.EndsWith("data.csv:3: column 'a' is empty; every feature and target cell must be a number", error.Message);
    }

    [Fact]
    public void A_missing_column_is_named_with_the_columns_the_header_has()
    {
        var error = LoadFails("a,b,y\n1,2,3\n", Some.Csv("data.csv", targets: ["y"], features: ["a", "c"]));

        Assert.EndsWith("data.csv:1: no column 'c' in the header; the columns are a, b, y", error.Message);
    }

    [Fact]
    public void An_empty_file_asks_for_a_header_row()
    {
        var error = LoadFails("", Some.Csv("empty.csv", targets: ["y"]));

        Assert.EndsWith("empty.csv: the file is empty; it needs a header row naming the columns", error.Message);
    }

    [Fact]
    public void A_header_without_rows_is_an_error()
    {
        var error = LoadFails("a,y\n\n", Some.Csv("data.csv", targets: ["y"]));

        Assert.EndsWith("data.csv:2: no data rows after the header", error.Message);
    }

    [Fact]
    public void A_row_with_too_few_cells_is_reported_with_its_line()
    {
        var error = LoadFails("a,b,y\n1,2,3\n4,5\n", Some.Csv("data.csv", targets: ["y"]));

        Assert.EndsWith("data.csv:3: 2 cells but the header has 3 columns", error.Message);
    }

    [Fact]
    public void One_hot_with_two_target_columns_is_an_error()
    {
        var error = LoadFails("a,b,y\n1,2,3\n", Some.Csv("data.csv", targets: ["b", "y"], oneHot: true));

        Assert.Contains("one-hot needs exactly one target column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<DataLoadException>(
            () => DatasetLoader.Load(Some.Data(Some.Csv("nowhere.csv", targets: ["y"])), folder.Path, seed: 1));

        Assert.Equal($"{Path.Combine(folder.Path, "nowhere.csv")}: file not found", error.Message);
    }

    [Fact]
    public void A_folder_given_as_the_file_is_named_as_a_folder()
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "points.csv"));

        var error = Assert.Throws<DataLoadException>(
            () => DatasetLoader.Load(Some.Data(Some.Csv("points.csv", targets: ["y"])), folder.Path, seed: 1));

        Assert.Equal($"{Path.Combine(folder.Path, "points.csv")}: this is a folder, not a file", error.Message);
    }

    [Fact]
    public void The_limit_reads_only_the_first_rows_so_later_rows_are_not_checked()
    {
        var data = Load("x,y\n1,2\n3,4\n5,6\nbroken,row\n", Some.Csv("data.csv", targets: ["y"]), limit: 2);

        Assert.Equal(2, data.Train.Count);
        Assert.Equal([1f, 3f], data.Train.X);
    }
}
