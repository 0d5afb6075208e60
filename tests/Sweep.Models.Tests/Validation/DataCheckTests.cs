using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Tests.Data;
using Sweep.Models.Validation;

namespace Sweep.Models.Tests.Validation;

public sealed class DataCheckTests : IDisposable
{
    private const string Regression = "model:\n  layers: [{units: 1, activation: linear}]\ntraining:\n  epochs: 1\n";

    private const string ThreeClasses = "a,b,kind\n1,2,cat\n3,4,dog\n5,6,owl\n";

    private readonly TemporaryFolder folder = new();

    private readonly DatasetCache datasets = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("a non-numeric cell", "a,y\n1,2\nx,4\n", ":3: column 'a' holds 'x', which is not a finite number (write numbers like 1.5 or -2e-3)")]
    [InlineData("a NaN cell", "a,y\n1,2\n3,NaN\n", ":3: column 'y' holds 'NaN', which is not a finite number (write numbers like 1.5 or -2e-3)")]
    [InlineData("an empty cell", "a,y\n1,2\n,4\n", ":3: column 'a' is empty; every feature and target cell must be a number")]
    [InlineData("a row with fewer cells", "a,y\n1,2\n3,4\n5\n", ":4: 1 cells but the header has 2 columns")]
    [InlineData("a row with more cells", "a,y\n1,2,3\n", ":2: 3 cells but the header has 2 columns")]
    [InlineData("no target column", "a,b\n1,2\n", ":1: no column 'y' in the header; the columns are a, b")]
    public void A_csv_problem_is_reported_at_its_file_and_line(string what, string csv, string expected)
    {
        var data = folder.Write("data.csv", csv);

        var errors = Check("data:\n  csv: {path: data.csv, target: y}\n" + Regression);

        Assert.True(errors.Length == 1, what);
        Assert.Equal(data + expected, errors[0]);
    }

    [Fact]
    public void An_inline_value_beyond_float32_is_reported_at_the_inline_data()
    {
        var errors = Check("data:\n  inline: {x: [[1], [1e39]], y: [[3], [6]]}\n" + Regression);

        Assert.Equal(["exp.yaml:3:11: data.inline: row 2 of x holds 1E+39, which is not a finite float32 number"], errors);
    }

    [Fact]
    public void A_validation_split_of_one_sample_is_reported_at_data_validation()
    {
        var errors = Check("data:\n  inline: {x: [[1]], y: [[3]]}\n  validation: 0.5\n" + Regression);

        Assert.Equal(["exp.yaml:4:15: data.validation: cannot hold out a fraction of 1 sample(s); give at least 2 samples or set validation: 0"], errors);
    }

    [Fact]
    public void A_truncated_idx_file_is_reported_at_its_file()
    {
        var images = IdxBytes.Images(2, 2, [0, 1, 2, 3], [4, 5, 6, 7]);
        var path = folder.Write("images.idx", images[..^2]);

        var errors = Check("data:\n  idx: {images: images.idx}\nmodel:\n  kind: autoencoder\n  hidden: [2]\ntraining:\n  epochs: 1\n");

        Assert.Equal([$"{path}: the file is truncated: it ends inside image 2 of the 2 its header announces"], errors);
    }

    [Fact]
    public void A_last_layer_narrower_than_the_classes_of_a_one_hot_target_is_reported_at_the_layer()
    {
        folder.Write("animals.csv", ThreeClasses);

        var errors = Check(
            "data:\n  csv: {path: animals.csv, target: kind, one_hot: true}\n" +
            "model:\n  layers:\n    - {units: 4, activation: relu}\n    - {units: 2, activation: softmax}\ntraining:\n  epochs: 1\n  loss: cce\n");

        Assert.Equal(["exp.yaml:7:7: the last layer of model.layers has 2 units but the data has 3 target values per sample; set its units: 3"], errors);
    }

    [Fact]
    public void First_layer_weights_must_have_one_value_per_column_the_csv_gives_as_features()
    {
        folder.Write("points.csv", "a,b,c,y\n1,2,3,4\n");

        var errors = Check("data:\n  csv: {path: points.csv, target: y}\nmodel:\n  layers: [{units: 1, weights: [[0.1, 0.2]]}]\ntraining:\n  epochs: 1\n");

        Assert.Equal(["exp.yaml:5:32: model.layers[0].weights rows have 2 values but the layer has 3 inputs; give one weight per input"], errors);
    }

    [Fact]
    public void A_last_layer_that_does_not_fit_the_classes_of_idx_labels_is_reported_at_the_layer()
    {
        folder.Write("images.idx", IdxBytes.Images(2, 2, [0, 1, 2, 3], [4, 5, 6, 7]));
        folder.Write("labels.idx", IdxBytes.Labels(0, 9));

        var errors = Check("data:\n  idx: {images: images.idx, labels: labels.idx}\nmodel:\n  layers: [{units: 3, activation: softmax}]\ntraining:\n  epochs: 1\n  loss: cce\n");

        Assert.Equal(["exp.yaml:5:12: the last layer of model.layers has 3 units but the data has 10 target values per sample; set its units: 10"], errors);
    }

    [Fact]
    public void A_model_that_fits_its_data_has_no_problems()
    {
        folder.Write("animals.csv", ThreeClasses);

        var errors = Check("data:\n  csv: {path: animals.csv, target: kind, one_hot: true}\nmodel:\n  layers: [{units: 3, activation: softmax}]\ntraining:\n  epochs: 1\n  loss: cce\n");

        Assert.Empty(errors);
    }

    [Fact]
    public void The_checked_data_stays_in_the_cache_so_a_run_does_not_load_it_again()
    {
        var csv = folder.Write("points.csv", "a,y\n1,2\n3,4\n");
        var experiment = Load("data:\n  csv: {path: points.csv, target: y}\n" + Regression);
        var configuration = TrialPlanner.Plan(experiment).Trials[0].Configuration;

        Assert.Empty(DataCheck.Check(experiment, [configuration], datasets));
        File.Delete(csv);

        Assert.Equal(2, datasets.For(configuration).Train.Count);
    }

    private LoadedExperiment Load(string body)
    {
        var result = ExperimentLoader.Parse("name: t\n" + body, "exp.yaml", folder.Path);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Experiment!;
    }

    private string[] Check(string body)
    {
        var experiment = Load(body);
        var trials = TrialPlanner.Plan(experiment).Trials;
        return [.. DataCheck.Check(experiment, trials.Select(t => t.Configuration), datasets).Select(e => e.ToString())];
    }
}
