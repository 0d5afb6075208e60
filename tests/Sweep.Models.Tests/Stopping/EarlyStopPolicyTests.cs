using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Stopping;

namespace Sweep.Models.Tests.Stopping;

public sealed class EarlyStopPolicyTests
{
    [Fact]
    public void A_train_loss_above_the_divergence_factor_times_the_best_so_far_diverges()
    {
        var verdicts = Judge(new EarlyStop(4, null), 10, 5, 20, 21);

        // The best is 5: 20 is exactly 4 × 5 and goes on, 21 is above it.
        Assert.Equal([EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Diverged], verdicts);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_loss_that_is_not_finite_diverges_even_without_a_divergence_factor(double loss)
    {
        var verdicts = Judge(new EarlyStop(null, null), 1, loss);

        Assert.Equal([EpochVerdict.Continue, EpochVerdict.Diverged], verdicts);
    }

    [Fact]
    public void Without_a_divergence_factor_a_finite_loss_however_high_goes_on()
    {
        var verdicts = Judge(new EarlyStop(null, null), 1, 1000, 1e12);

        Assert.All(verdicts, v => Assert.Equal(EpochVerdict.Continue, v));
    }

    [Fact]
    public void A_loss_that_wobbles_by_large_factors_near_zero_below_its_start_goes_on()
    {
        // A new user's case: an iris-like classifier with per-sample SGD at 97.8% validation accuracy. Its loss went from
        // 0.0009 to 0.004 (4.4 × its best) and later to 0.02 (22 ×), all far below its start of 1.1: noise, not divergence.
        var verdicts = Judge(new EarlyStop(4, null), 1.1, 0.3, 0.0009, 0.004, 0.0011, 0.02, 0.001);

        Assert.All(verdicts, v => Assert.Equal(EpochVerdict.Continue, v));
    }

    [Fact]
    public void A_loss_that_climbs_back_above_its_start_and_the_factor_times_its_best_diverges()
    {
        // The best is 0.2: 0.9 is 4.5 × that but below the start of 1; 1.1 is above both.
        var verdicts = Judge(new EarlyStop(4, null), 1, 0.2, 0.9, 1.1);

        Assert.Equal([EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Diverged], verdicts);
    }

    [Fact]
    public void A_loss_back_above_its_start_but_within_the_factor_of_its_best_goes_on()
    {
        var verdicts = Judge(new EarlyStop(4, null), 1, 0.5, 1.5, 2);

        Assert.All(verdicts, v => Assert.Equal(EpochVerdict.Continue, v));
    }

    [Fact]
    public void A_loss_that_blows_up_in_its_second_epoch_diverges_there()
    {
        // y = 3x at rate 1: the first epoch's loss is 67.5 and the second's is 100 times that.
        var verdicts = Judge(new EarlyStop(4, null), 67.5, 6750);

        Assert.Equal([EpochVerdict.Continue, EpochVerdict.Diverged], verdicts);
    }

    [Fact]
    public void Patience_runs_out_after_that_many_epochs_without_a_better_validation_loss()
    {
        var policy = new EarlyStopPolicy(new EarlyStop(null, 2));
        double[] validation = [1.0, 0.9, 0.95, 0.91];

        // The train loss keeps falling; with a validation set only the validation loss counts.
        var verdicts = validation.Select((v, i) => policy.Judge(Epoch(i + 1, train: 1.0 / (i + 1), validation: v))).ToList();

        Assert.Equal([EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.PatienceRanOut], verdicts);
    }

    [Fact]
    public void Without_a_validation_loss_patience_watches_the_train_loss_and_a_better_epoch_starts_it_again()
    {
        var verdicts = Judge(new EarlyStop(4, 2), 3, 3, 2, 2, 2);

        Assert.Equal([EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.Continue, EpochVerdict.PatienceRanOut], verdicts);
    }

    [Fact]
    public void Without_patience_a_flat_loss_never_stops()
    {
        var verdicts = Judge(EarlyStop.Default, [.. Enumerable.Repeat(1.0, 500)]);

        Assert.All(verdicts, v => Assert.Equal(EpochVerdict.Continue, v));
    }

    private static List<EpochVerdict> Judge(EarlyStop rule, params double[] trainLosses)
    {
        var policy = new EarlyStopPolicy(rule);
        return [.. trainLosses.Select((loss, i) => policy.Judge(Epoch(i + 1, loss)))];
    }

    private static EpochRecord Epoch(int epoch, double train, double? validation = null) =>
        new(epoch, train, validation, null, 0.01, 1, 1, 0.001);
}
