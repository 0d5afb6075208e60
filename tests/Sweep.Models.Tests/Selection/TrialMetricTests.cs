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
}
