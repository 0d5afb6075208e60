using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Xunit.Abstractions;

namespace Sweep.Models.Tests.Search;

public class LearningRateRangeTestTests(ITestOutputHelper output)
{
    private static readonly RangeTestSettings Defaults = new(1e-7, 10, 100, 0.98, 4);

    [Fact]
    public void The_rate_grows_geometrically_from_min_to_max_over_the_steps()
    {
        var test = new LearningRateRangeTest(new RangeTestSettings(1e-4, 1, 5, 0.98, 4));

        Assert.Equal([1e-4, 1e-3, 1e-2, 1e-1, 1], Enumerable.Range(0, 5).Select(i => Math.Round(test.RateAt(i), 12)));
    }

    [Fact]
    public void Smoothing_is_an_exponential_average_with_bias_correction_computed_by_hand()
    {
        // β = 0.5: a = 0.5·2 = 1 → 1/0.5 = 2; a = 0.5 + 0.5·4 = 2.5 → 2.5/0.75 = 3.333…; a = 1.25 + 0.5·1 = 1.75 → 1.75/0.875 = 2.
        var test = new LearningRateRangeTest(new RangeTestSettings(0.1, 10, 3, 0.5, 100));

        Assert.True(test.Add(0.1, 2));
        Assert.True(test.Add(1, 4));
        Assert.False(test.Add(10, 1));
        var result = test.Finish();

        Assert.Equal([2, Math.Round(10.0 / 3, 12), 2], result.Steps.Select(s => Math.Round(s.SmoothedLoss, 12)));
        Assert.Equal(RangeTestStop.Completed, result.StoppedBy);
    }

    [Fact]
    public void The_test_stops_at_the_first_smoothed_loss_above_the_stop_factor_times_its_minimum()
    {
        // Without smoothing the smoothed loss is the loss: minimum 1, and 4.5 > 4 × 1 stops the test.
        var test = new LearningRateRangeTest(new RangeTestSettings(1e-3, 1, 10, 0, 4));
        double[] losses = [3, 2, 1, 2, 3.9, 4.5, 1];

        var taken = losses.TakeWhile((loss, i) => test.Add(test.RateAt(i), loss)).Count();
        var result = test.Finish();

        Assert.Equal(5, taken);
        Assert.Equal(6, result.Steps.Length);
        Assert.Equal(RangeTestStop.LossExploded, result.StoppedBy);
        Assert.Equal(test.RateAt(2), result.MinLossRate);
        Assert.Equal(test.RateAt(2) / 10, result.MinLossRateOverTen);
        // Slopes up to the lowest step, per decade (steps are 1/3 decade apart): the steepest is at step 1, (1 − 3) / (2/3) = −3.
        Assert.Equal(test.RateAt(1), result.Suggestion);
        Assert.Equal(-3, result.SteepestSlope!.Value, 1e-9);
    }

    [Fact]
    public void A_nan_loss_ends_the_test()
    {
        var test = new LearningRateRangeTest(Defaults);

        test.Add(1e-7, 1);
        Assert.False(test.Add(2e-7, double.NaN));
        Assert.Equal(RangeTestStop.NonFinite, test.Finish().StoppedBy);
    }

    [Fact]
    public void A_test_cancelled_before_its_first_step_throws_instead_of_reporting_nothing()
    {
        var problem = new LinearRegressionProblem(batch: BatchSize.Of(8));

        Assert.Throws<OperationCanceledException>(() =>
            LearningRateRangeTest.Run(LinearRegressionProblem.Model, problem.Training(0), problem.Data, 0, Defaults, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void On_a_linear_regression_the_suggestion_lies_below_the_divergence_bound_and_within_a_decade_of_it()
    {
        // Mini-batches of 8 from 64 samples: the bound 2/λmax of the full-batch Hessian is where updates blow up.
        var problem = new LinearRegressionProblem(batch: BatchSize.Of(8));

        var result = LearningRateRangeTest.Run(LinearRegressionProblem.Model, problem.Training(0), problem.Data, 0, Defaults);

        output.WriteLine($"bound {problem.DivergenceBound:G4}; {result.Reason}");
        Assert.Equal(RangeTestStop.LossExploded, result.StoppedBy);
        Assert.InRange(result.Suggestion!.Value, problem.DivergenceBound / 10, problem.DivergenceBound);
        Assert.True(result.Steps[^1].LearningRate > problem.DivergenceBound, "the loss explodes only above the bound");
        // The smoothed minimum lags the raw loss (β = 0.98 averages ~50 batches) and lands past the bound; a tenth of it is a safe rate.
        Assert.InRange(result.MinLossRateOverTen, problem.DivergenceBound / 10, problem.DivergenceBound);
    }
}
