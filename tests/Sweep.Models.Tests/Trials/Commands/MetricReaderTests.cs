using Sweep.Models.Experiments;
using Sweep.Models.Trials.Commands;

namespace Sweep.Models.Tests.Trials.Commands;

public sealed class MetricReaderTests
{
    [Theory]
    [InlineData("""{"epoch": 1, "train_loss": NaN}""", double.NaN)]
    [InlineData("""{"epoch": 1, "train_loss": Infinity}""", double.PositiveInfinity)]
    [InlineData("""{"epoch": 1, "train_loss": -Infinity}""", double.NegativeInfinity)]
    [InlineData("""{"epoch": 1, "train_loss": "NaN"}""", double.NaN)]
    [InlineData("""{"epoch": 1, "train_loss": "Infinity"}""", double.PositiveInfinity)]
    [InlineData("""  {"epoch": 1.0, "train_loss": 5e-1, "tag": "NaN in text"}  """, 0.5)]
    public void Json_lines_read_NaN_and_infinities_bare_or_quoted(string line, double loss)
    {
        var epoch = MetricReader.For(MetricsFormat.Json).Read(line);

        Assert.Equal(loss, epoch!.TrainLoss);
    }

    [Theory]
    [InlineData("""{"epoch": 0, "train_loss": 1}""")]
    [InlineData("""{"epoch": 1.5, "train_loss": 1}""")]
    [InlineData("""{"epoch": 1}""")]
    [InlineData("""{"epoch": 1, "train_loss": 1} trailing""")]
    [InlineData("""{"epoch": 1, "train_loss": 1}{"epoch": 2, "train_loss": 1}""")]
    [InlineData("epoch 1 train_loss 1")]
    public void A_line_that_is_not_one_whole_epoch_object_is_not_an_epoch(string line)
    {
        Assert.Null(MetricReader.For(MetricsFormat.Json).Read(line));
    }

    [Fact]
    public void An_epoch_number_that_does_not_increase_is_skipped()
    {
        var reader = MetricReader.For(MetricsFormat.Json);

        Assert.NotNull(reader.Read("""{"epoch": 2, "train_loss": 1}"""));
        Assert.Null(reader.Read("""{"epoch": 2, "train_loss": 0.5}"""));
        Assert.Null(reader.Read("""{"epoch": 1, "train_loss": 0.5}"""));
        Assert.Equal(3, reader.Read("""{"epoch": 3, "train_loss": 0.5}""")!.Epoch);
    }

    [Fact]
    public void Key_value_epochs_close_at_the_next_epoch_line_or_at_the_end()
    {
        var reader = MetricReader.For(MetricsFormat.KeyValue);

        Assert.Null(reader.Read("epoch: 1"));
        Assert.Null(reader.Read("train_loss: 0.5"));
        Assert.Null(reader.Read("Step 3/10: loss went down"));
        var first = reader.Read("epoch: 2");
        Assert.Null(reader.Read("train_loss: nan"));

        Assert.Equal(0.5, first!.TrainLoss);
        Assert.True(double.IsNaN(reader.Finish()!.TrainLoss));
    }
}
