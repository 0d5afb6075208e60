using Sweep.Models.Results;
using Sweep.Reports.Charts;

namespace Sweep.Reports.Tests.Charts;

public sealed class LossCurveTests
{
    [Fact]
    public void A_diverging_curve_is_cut_a_decade_above_the_worst_start_and_marked()
    {
        var trial = Some.Trials()[0] with
        {
            Status = TrialStatus.Diverged,
            Epochs = [Epoch(1, 2), Epoch(2, 0.5), Epoch(3, 500), Epoch(4, double.NaN)],
        };

        var ceiling = LossCurve.Ceiling([trial]);
        var curve = LossCurve.Of(trial, ceiling)!;

        Assert.Equal(Math.Log10(20), ceiling, 12);
        Assert.Equal([1, 2, 3], curve.Epochs);
        Assert.Equal(ceiling, curve.LogLosses[^1]);
        Assert.True(curve.Diverged);
    }

    [Fact]
    public void A_trial_that_blew_up_in_its_first_epoch_does_not_raise_the_ceiling()
    {
        var sound = Some.Trials()[0];
        var blown = Some.Trials()[1] with { Epochs = [Epoch(1, 1e35), Epoch(2, double.PositiveInfinity)] };

        var ceiling = LossCurve.Ceiling([sound, blown]);
        var curve = LossCurve.Of(blown, ceiling)!;

        Assert.Equal(Math.Log10(9), ceiling, 12);
        Assert.Equal([1], curve.Epochs);
        Assert.True(curve.Diverged);
    }

    [Fact]
    public void A_curve_that_stays_below_the_ceiling_is_drawn_whole_and_unmarked()
    {
        var trial = Some.Trials()[0];

        var curve = LossCurve.Of(trial, LossCurve.Ceiling([trial]))!;

        Assert.Equal([Math.Log10(0.9), Math.Log10(0.7), Math.Log10(0.5)], curve.LogLosses);
        Assert.False(curve.Diverged);
    }

    [Fact]
    public void A_long_curve_keeps_at_most_240_points_with_its_first_and_last_epoch()
    {
        var trial = SomeSweep.Trial(0, 1, 1000, (0, "32"));

        var curve = LossCurve.Of(trial, LossCurve.Ceiling([trial]))!;

        Assert.Equal(LossCurve.MaxPoints, curve.Epochs.Length);
        Assert.Equal(1, curve.Epochs[0]);
        Assert.Equal(1000, curve.Epochs[^1]);
        Assert.True(curve.Epochs.Zip(curve.Epochs.Skip(1)).All(p => p.First < p.Second));
    }

    private static EpochRecord Epoch(int epoch, double loss) => new(epoch, loss, null, null, 0.1, 1, 1, 1);
}
