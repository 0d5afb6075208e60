using Sweep.Models.Data;

namespace Sweep.Models.Tests.Data;

public sealed class InlineSourceTests
{
    [Fact]
    public void Inline_rows_are_kept_as_float32_in_order()
    {
        var source = Some.Inline([[1, 0.1], [2, 0.2], [3, 0.3]], [[3], [6], [9]]);

        var data = DatasetLoader.Load(Some.Data(source), ".", seed: 1);

        Assert.Equal((2, 1, 3), (data.Features, data.Targets, data.Train.Count));
        Assert.Equal([1f, 0.1f, 2f, 0.2f, 3f, 0.3f], data.Train.X);
        Assert.Equal([3f, 6f, 9f], data.Train.Y);
        Assert.False(data.IsClassification);
    }

    [Fact]
    public void The_limit_keeps_the_first_rows()
    {
        var data = DatasetLoader.Load(Some.Data(Some.Counting(10), limit: 4), ".", seed: 1);

        Assert.Equal([0f, 1f, 2f, 3f], data.Train.X);
        Assert.Equal([0f, 2f, 4f, 6f], data.Train.Y);
    }

    [Fact]
    public void Rows_of_different_widths_are_an_error()
    {
        var source = Some.Inline([[1, 2], [3]], [[1], [2]]);

        var error = Assert.Throws<DataLoadException>(() => DatasetLoader.Load(Some.Data(source), ".", seed: 1));

        Assert.Equal("data.inline: row 2 of x has 1 values but row 1 has 2; all rows must be as wide", error.Message);
    }

    [Fact]
    public void Fewer_target_rows_than_input_rows_are_an_error()
    {
        var source = Some.Inline([[1], [2]], [[1]]);

        var error = Assert.Throws<DataLoadException>(() => DatasetLoader.Load(Some.Data(source), ".", seed: 1));

        Assert.Equal("data.inline: x has 2 rows but y has 1; every sample needs one row of each", error.Message);
    }
}
