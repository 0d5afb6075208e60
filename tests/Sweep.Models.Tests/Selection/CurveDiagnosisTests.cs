using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Models.Tests.Training;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Selection;

public class CurveDiagnosisTests
{
    [Fact]
    public void A_curve_still_falling_steadily_above_its_siblings_best_is_slow_with_the_fall_in_its_reason()
    {
        var diagnosis = CurveDiagnosis.Of(Curves.Falling(100, 0.01), TrialStatus.Completed, siblingsBest: 0.1);

        Assert.Equal(CurveLabel.Slow, diagnosis.Label);
        Assert.Equal(20, diagnosis.Measures.TailSteps);
        // exp(-0.79) against exp(-0.99): a fall of 1 - exp(-0.2) = 18.1% over the tail.
        Assert.Equal(1 - Math.Exp(-0.2), diagnosis.Measures.TailFall, 1e-12);
        Assert.Equal(1.0, diagnosis.Measures.FallingShare);
        Assert.Equal("loss still falling 18.13% over the last 20 epochs, 271.58% above the best of its sweep", diagnosis.Reason);
    }

    [Fact]
    public void A_curve_that_zigzags_above_its_siblings_best_is_oscillating_with_its_turns_counted()
    {
        var diagnosis = CurveDiagnosis.Of(Curves.Zigzag(70, 0.3, 0.05), TrialStatus.Completed, siblingsBest: 0.25);

        Assert.Equal(CurveLabel.Oscillating, diagnosis.Label);
        // 14 tail steps alternate up and down: 13 turns, each move 10% of the level (the tail's mean, a hair above 0.3).
        Assert.Equal(13, diagnosis.Measures.Reversals);
        Assert.Equal(0.1, diagnosis.Measures.Amplitude, 1e-2);
        Assert.StartsWith("loss turned 13 times by up to 10.03% over the last 14 epochs, ", diagnosis.Reason);
    }

    [Fact]
    public void A_validation_loss_that_rises_while_the_training_loss_falls_is_overfitting_not_oscillating()
    {
        // The validation loss bottoms out at 0.3 at epoch 21, then climbs 1% an epoch to 0.41 at epoch 60.
        var epochs = Curves.Overfitting(60, 20, t => 0.3 * Math.Pow(1.01, t));

        var diagnosis = CurveDiagnosis.Of(epochs, TrialStatus.Completed, siblingsBest: 0.25);

        Assert.Equal(CurveLabel.Overfitting, diagnosis.Label);
        Assert.Equal(0.3, diagnosis.Measures.BestLoss, 1e-12);
        Assert.True(diagnosis.Measures.ValidationRise > 0.2, $"rise {diagnosis.Measures.ValidationRise}");
        Assert.True(diagnosis.Measures.TrainFall > 0.4, $"fall {diagnosis.Measures.TrainFall}");
        Assert.Matches(@"^over the last 12 epochs the validation loss averaged \d+(\.\d+)?% above its lowest stretch of as many, while the training loss fell \d+(\.\d+)?%; best validation loss 0\.3$", diagnosis.Reason);
    }

    [Fact]
    public void A_validation_loss_that_rose_and_creeps_down_again_while_the_training_loss_falls_is_overfitting_not_slow()
    {
        // Up from 0.3 to 0.5 over 20 epochs after the turn, then down by 0.1% an epoch: the tail alone looks slow.
        var epochs = Curves.Overfitting(60, 20, t => t <= 20 ? 0.3 + (0.01 * t) : 0.5 * Math.Pow(0.999, t - 20));

        var diagnosis = CurveDiagnosis.Of(epochs, TrialStatus.Completed, siblingsBest: 0.25);

        Assert.Equal(CurveLabel.Overfitting, diagnosis.Label);
        Assert.True(diagnosis.Measures.TailFall > 0, "the tail of the validation loss creeps down");
    }

    [Fact]
    public void Without_a_validation_set_a_falling_training_loss_is_never_overfitting()
    {
        var diagnosis = CurveDiagnosis.Of(Curves.Falling(60, 0.05), TrialStatus.Completed, siblingsBest: 0.01);

        Assert.Equal(CurveLabel.Slow, diagnosis.Label);
        Assert.Null(diagnosis.Measures.ValidationRise);
    }

    [Fact]
    public void A_validation_loss_that_falls_with_the_training_loss_is_not_overfitting()
    {
        var epochs = Curves.Overfitting(60, 59, _ => 0.3);

        var diagnosis = CurveDiagnosis.Of(epochs, TrialStatus.Completed, siblingsBest: 0.25);

        Assert.Equal(CurveLabel.Slow, diagnosis.Label);
        Assert.True(diagnosis.Measures.ValidationRise < 0, $"rise {diagnosis.Measures.ValidationRise}");
    }

    [Fact]
    public void The_same_zigzag_at_the_level_of_its_siblings_best_is_good()
    {
        var diagnosis = CurveDiagnosis.Of(Curves.Zigzag(70, 0.3, 0.05), TrialStatus.Completed, siblingsBest: 0.3);

        Assert.Equal(CurveLabel.Good, diagnosis.Label);
    }

    [Theory]
    [InlineData(TrialStatus.Diverged, new[] { 1.0, 0.8, 3.9 }, "hit the divergence stop at epoch 3 (loss 3.9)")]
    [InlineData(TrialStatus.Completed, new[] { 1.0, 0.5, double.NaN }, "the loss became NaN or infinite")]
    [InlineData(TrialStatus.Completed, new[] { 1.0, 0.4, 2.0, 1.2 }, "the loss ended at 1.2, above its start 1")]
    public void A_diverged_status_a_nan_loss_or_an_end_above_the_start_is_diverging(TrialStatus status, double[] losses, string reason)
    {
        var diagnosis = CurveDiagnosis.Of(Curves.Of(losses), status, siblingsBest: 0.1);

        Assert.Equal(CurveLabel.Diverging, diagnosis.Label);
        Assert.Equal(reason, diagnosis.Reason);
    }

    [Fact]
    public void A_curve_that_flattens_at_its_siblings_best_is_good()
    {
        var diagnosis = CurveDiagnosis.Of(Curves.Falling(100, 0.2, floor: 0.2), TrialStatus.Completed, siblingsBest: 0.2);

        Assert.Equal(CurveLabel.Good, diagnosis.Label);
        Assert.Equal(0, diagnosis.Measures.GapToBest!.Value, 1e-6);
    }

    [Fact]
    public void A_flat_curve_settled_well_above_its_siblings_best_is_oscillating_and_without_siblings_good()
    {
        var flat = Curves.Of(Enumerable.Range(0, 50).Select(t => t < 5 ? 1 - (0.1 * t) : 0.5));

        Assert.Equal(CurveLabel.Oscillating, CurveDiagnosis.Of(flat, TrialStatus.Completed, siblingsBest: 0.2).Label);
        Assert.Equal(CurveLabel.Good, CurveDiagnosis.Of(flat, TrialStatus.Completed, siblingsBest: null).Label);
    }

    [Fact]
    public void A_wider_margin_makes_the_same_curve_good_because_it_counts_as_at_the_best()
    {
        var curve = Curves.Falling(100, 0.01);
        var lenient = new DiagnosisThresholds(Margin: 3);

        Assert.Equal(CurveLabel.Slow, CurveDiagnosis.Of(curve, TrialStatus.Completed, 0.1).Label);
        Assert.Equal(CurveLabel.Good, CurveDiagnosis.Of(curve, TrialStatus.Completed, 0.1, lenient).Label);
    }

    [Fact]
    public void Y_equals_3x_at_rates_1_0_1_and_0_001_is_diverging_good_and_slow()
    {
        double[] rates = [1.0, 0.1, 0.001];
        var trials = rates.Select(rate =>
        {
            var result = new Trainer(
                Build.Model(InitKind.Zeros, Build.Layer(1, Activation.Linear)),
                Build.Training(200, rate, BatchSize.Full),
                Build.Scalars([1, 2, 3, 4], [3, 6, 9, 12]),
                seed: 0).Run();
            return new TrialResult($"lr-{rate}", result.Status, result.Epochs, null, 0);
        }).ToList();

        var diagnoses = CurveDiagnosis.OfSweep(trials);

        Assert.Equal([CurveLabel.Diverging, CurveLabel.Good, CurveLabel.Slow], diagnoses.Select(d => d.Label));
        // lr 0.001 still sheds its fast direction (Hessian eigenvalue 16.7, 3.3% per epoch) down to the slow
        // one's plateau (eigenvalue 0.3): the loss halves over the last 40 epochs, from about 0.45 to 0.21.
        Assert.InRange(diagnoses[2].Measures.TailFall, 0.45, 0.6);
        Assert.True(diagnoses[2].Measures.GapToBest > 100);
    }
}
