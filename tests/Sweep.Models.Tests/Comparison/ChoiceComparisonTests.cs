using Sweep.Models.Comparison;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Comparison;

public sealed class ChoiceComparisonTests
{
    [Fact]
    public void A_loss_up_from_0_2_to_0_25_is_25_percent_worse_and_a_regression_past_20_not_past_30()
    {
        var comparison = new ChoiceComparison(Choice(2, 0.25), Choice(1, 0.2));

        Assert.Equal(25, comparison.LossChangePercent!.Value, 9);
        Assert.True(comparison.IsRegression(20));
        Assert.False(comparison.IsRegression(30));
    }

    [Fact]
    public void A_lower_loss_is_never_a_regression_even_with_no_allowance()
    {
        var comparison = new ChoiceComparison(Choice(2, 0.1), Choice(1, 0.2));

        Assert.Equal(-50, comparison.LossChangePercent!.Value, 9);
        Assert.False(comparison.IsRegression(0));
    }

    [Fact]
    public void Nothing_chosen_now_where_the_baseline_chose_is_infinitely_worse()
    {
        var comparison = new ChoiceComparison(Choice(2, null), Choice(1, 0.2));

        Assert.Equal(double.PositiveInfinity, comparison.LossChangePercent);
        Assert.True(comparison.IsRegression(1000));
    }

    [Fact]
    public void A_baseline_without_a_loss_gives_no_change_to_gate_on()
    {
        var comparison = new ChoiceComparison(Choice(2, 0.3), Choice(1, null));

        Assert.Null(comparison.LossChangePercent);
        Assert.False(comparison.IsRegression(0));
    }

    [Fact]
    public void A_zero_baseline_makes_any_positive_loss_infinitely_worse_and_zero_the_same()
    {
        Assert.Equal(double.PositiveInfinity, new ChoiceComparison(Choice(2, 1e-9), Choice(1, 0)).LossChangePercent);
        Assert.Equal(0, new ChoiceComparison(Choice(2, 0), Choice(1, 0)).LossChangePercent);
    }

    [Fact]
    public void Parameters_list_every_key_of_either_choice_and_say_which_changed()
    {
        var latest = Choice(2, 0.1) with { Parameters = [Assign("training.learning_rate", 0.1), Assign("training.weight_decay.l2", 0.001)] };
        var baseline = Choice(1, 0.1) with { Parameters = [Assign("training.learning_rate", 0.1), Assign("training.batch", 32)] };

        var changes = new ChoiceComparison(latest, baseline).Parameters;

        Assert.Equal<ParameterChange>(
            [
                new ParameterChange("training.learning_rate", "0.1", "0.1"),
                new ParameterChange("training.weight_decay.l2", null, "0.001"),
                new ParameterChange("training.batch", "32", null),
            ],
            changes.AsEnumerable());
        Assert.Equal([false, true, true], changes.Select(c => c.Changed));
    }

    private static RunChoice Choice(long run, double? loss) =>
        new(run, 1, DateTimeOffset.UnixEpoch, "0123456789abcdef", RunChoice.LearningRate, 0.1, "final_val_loss", loss, "good", 5, []);

    private static ParameterAssignment Assign(string path, double value) => new(path, ParameterValue.Of(value));
}
