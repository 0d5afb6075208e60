using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Models.Tests.Selection;

public class TrialMetricTests
{
    private static readonly double[] Losses = [1.0, 0.4, 0.3, 0.35];

    [Theory]
    [InlineData(SelectionMetric.FinalLoss, 0.35)]
    [InlineData(SelectionMetric.BestLoss, 0.3)]
    [InlineData(SelectionMetric.EpochsToTarget, 2)]
    public void Each_metric_reads_its_number_from_the_epochs(SelectionMetric metric, double expected)
    {
        Assert.Equal(expected, TrialMetric.Of(Curves.Of(Losses), TrialStatus.Completed, metric, targetLoss: 0.5));
    }

    [Fact]
    public void A_diverged_trial_or_an_unreached_target_scores_infinity()
    {
        Assert.Equal(double.PositiveInfinity, TrialMetric.Of(Curves.Of(Losses), TrialStatus.Diverged, SelectionMetric.BestLoss));
        Assert.Equal(double.PositiveInfinity, TrialMetric.Of(Curves.Of(Losses), TrialStatus.Completed, SelectionMetric.EpochsToTarget, 0.1));
    }

    [Theory]
    [InlineData(SelectionMetric.Accuracy, 0.9, 0.1)]
    [InlineData(SelectionMetric.BestAccuracy, 0.95, 0.05)]
    public void An_accuracy_is_ranked_by_its_share_of_mistakes_and_shown_as_itself(SelectionMetric metric, double accuracy, double score)
    {
        double?[] accuracies = [0.5, 0.95, 0.92, 0.9];
        var epochs = Curves.Of(Losses).Select((e, i) => e with { ValidationLoss = e.TrainLoss, Accuracy = accuracies[i] }).ToList();

        var scored = TrialMetric.Of(epochs, TrialStatus.Completed, metric);

        Assert.Equal(score, scored, 1e-12);
        Assert.Equal(accuracy, metric.FromScore(scored), 1e-12);
        Assert.True(metric.Maximises());
    }

    [Fact]
    public void A_trial_that_reports_no_accuracy_has_no_accuracy_score()
    {
        Assert.Equal(double.PositiveInfinity, TrialMetric.Of(Curves.Of(Losses), TrialStatus.Completed, SelectionMetric.Accuracy));
        Assert.Equal(double.PositiveInfinity, TrialMetric.Of(Curves.Of(Losses), TrialStatus.Completed, SelectionMetric.BestAccuracy));
        Assert.Equal(double.PositiveInfinity, SelectionMetric.Accuracy.FromScore(double.PositiveInfinity));
    }

    [Fact]
    public void A_score_reads_as_its_metric_and_an_accuracy_that_is_missing_reads_none()
    {
        Assert.Equal("0.978", SelectionMetric.Accuracy.Text(0.022));
        Assert.Equal("none", SelectionMetric.BestAccuracy.Text(double.PositiveInfinity));
        Assert.Equal("0.2907", SelectionMetric.FinalLoss.Text(0.290667));
        Assert.Equal("Infinity", SelectionMetric.FinalLoss.Text(double.PositiveInfinity));
    }
}
