using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;
using static Sweep.Models.Tests.Selection.Sweeps;

namespace Sweep.Models.Tests.Selection;

public class SweepSelectorTests
{
    [Fact]
    public void With_repeats_the_configuration_with_the_lowest_mean_is_chosen_not_the_luckiest_trial()
    {
        // 0.01 has the single best trial (0.1) but a mean of 0.3; 0.02 scores 0.2 in both repeats.
        var sweep = Of(
            Trial("t1", 0.01, 0.1, repeat: 0), Trial("t2", 0.01, 0.5, repeat: 1),
            Trial("t3", 0.02, 0.2, repeat: 0), Trial("t4", 0.02, 0.2, repeat: 1));

        var choice = SweepSelector.Choose(sweep);

        Assert.Equal("t3", choice.Trial!.Id);
        Assert.Equal(0.2, choice.Score!.Value, 12);
        Assert.Equal("final_train_loss", choice.Metric);
        Assert.Equal(["t3", "t4", "t1", "t2"], choice.RankedTrials.Select(t => t.Id));
        Assert.Equal(0.3, choice.Ranking[1].Score, 12);
    }

    [Fact]
    public void A_diverged_repeat_makes_its_configuration_score_infinity()
    {
        var sweep = Of(
            Trial("t1", 0.1, 0.01, repeat: 0), Trial("t2", 0.1, null, repeat: 1, status: TrialStatus.Diverged, label: CurveLabel.Diverging),
            Trial("t3", 0.01, 0.5));

        var choice = SweepSelector.Choose(sweep);

        Assert.Equal("t3", choice.Trial!.Id);
        Assert.Equal(double.PositiveInfinity, choice.Ranking[1].Score);
    }

    [Fact]
    public void Equal_scores_go_to_the_smaller_learning_rate()
    {
        var choice = SweepSelector.Choose(Of(Trial("t1", 0.1, 0.2), Trial("t2", 0.01, 0.2)));

        Assert.Equal("t2", choice.Trial!.Id);
    }

    [Fact]
    public void The_choice_names_every_searched_value_of_its_configuration()
    {
        var choice = SweepSelector.Choose(Of(Trial("t1", 0.01, 0.3, units: 8), Trial("t2", 0.01, 0.1, units: 32)));

        Assert.Equal(ParameterValue.Of(32), choice.Trial!.ValueOf("model.layers.0.units"));
    }

    [Fact]
    public void A_log_grid_says_where_a_finer_search_should_look_among_the_rates_of_the_chosen_configuration()
    {
        var choice = SweepSelector.Choose(Of(
            Trial("t1", 0.001, 0.5, label: CurveLabel.Slow), Trial("t2", 0.01, 0.1), Trial("t3", 0.1, 0.4, label: CurveLabel.Oscillating),
            Trial("t4", 1, null, status: TrialStatus.Diverged, label: CurveLabel.Diverging)));

        Assert.NotNull(choice.Recommendation);
        Assert.Equal([choice.Recommendation!.Text], choice.Story.ToArray());
        Assert.Equal(0.01, choice.Recommendation.Best.Rate);
    }

    [Fact]
    public void A_range_test_sweep_answers_with_its_test()
    {
        var sweep = Of(Grid with { Strategy = SearchStrategy.LrRangeTest }, Trial("t1", 0.01, null)) with { RangeTest = RangeTest("t1", byLrFind: false) };

        var choice = SweepSelector.Choose(sweep);

        Assert.True(choice.AnswersByRangeTest);
        Assert.Equal("t1", choice.TrialId);
        Assert.Equal(choice.RangeTest!.Rate, choice.LearningRate);
        Assert.Equal(2, choice.Story.Length);
    }

    [Fact]
    public void A_range_test_stored_by_lr_find_answers_only_while_no_configuration_has_a_score()
    {
        var test = RangeTest("lr-find-1", byLrFind: true);

        var before = SweepSelector.Choose(Of(Trial("t1", 0.01, null, status: TrialStatus.Pending, label: null)) with { RangeTest = test });
        var after = SweepSelector.Choose(Of(Trial("t1", 0.01, 0.2)) with { RangeTest = test });

        Assert.Equal("lr-find-1", before.TrialId);
        Assert.False(after.AnswersByRangeTest);
        Assert.Equal("t1", after.TrialId);
    }

    [Fact]
    public void A_coarse_to_fine_search_without_trials_proposes_its_coarse_stage_and_says_it_is_not_finished()
    {
        var settings = Grid with
        {
            Strategy = SearchStrategy.CoarseToFine,
            CoarseToFine = new CoarseToFineSettings("training.learning_rate", 0.01, 1e-7, 10, 2, 40, 2, SelectionMetric.FinalLoss, null),
        };

        var choice = SweepSelector.Choose(Of(settings));

        var proposal = Assert.IsType<StageProposal>(choice.Search);
        Assert.Equal([1e-4, 1e-3, 1e-2, 1e-1, 1], proposal.Values.ToArray());
        Assert.Null(choice.Trial);
        Assert.StartsWith("The search is not finished: stage 1", choice.Story[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_coarse_to_fine_point_is_the_mean_over_its_repeats_with_its_first_repeats_label()
    {
        var settings = Grid with
        {
            Strategy = SearchStrategy.CoarseToFine,
            Repeats = 2,
            CoarseToFine = new CoarseToFineSettings("training.learning_rate", 0.01, 1e-7, 10, 2, 40, 2, SelectionMetric.FinalLoss, null),
        };
        double[] rates = [1e-4, 1e-3, 1e-2, 1e-1, 1];
        var trials = rates.SelectMany((rate, i) => new[]
        {
            Trial($"t{(2 * i) + 1}", rate, 0.5 - (0.1 * i), repeat: 0, stage: 1, label: CurveLabel.Slow),
            Trial($"t{(2 * i) + 2}", rate, 0.5 - (0.1 * i) + 0.02, repeat: 1, stage: 1, label: CurveLabel.Good),
        }).ToArray();

        var step = SweepSelector.Search(Of(settings, trials));

        var next = Assert.IsType<StageProposal>(step);
        Assert.Equal(2, next.Stage);
        Assert.Contains("0.0001 slow (0.51)", next.Story[0], StringComparison.Ordinal);
        Assert.Contains("1 slow (0.11)", next.Story[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_chosen_by_accuracy_picks_the_highest_accuracy_and_shows_it_not_its_mistakes()
    {
        // 0.1 has the lowest loss but 0.01 classifies more validation samples right (classifiers choose by accuracy).
        var settings = Grid with { Metric = SelectionMetric.Accuracy };
        var trials = new[] { Classifier("t1", 0.001, 0.9, 0.80), Classifier("t2", 0.01, 0.5, 0.978), Classifier("t3", 0.1, 0.3, 0.95), Classifier("t4", 1, 1.2, 0.6) };

        var choice = SweepSelector.Choose(Of(settings, trials));

        Assert.Equal(0.01, choice.LearningRate);
        Assert.Equal("final_accuracy", choice.Metric);
        Assert.Equal(0.978, choice.Score!.Value, 1e-12);
        Assert.Equal(["t2", "t3", "t1", "t4"], choice.RankedTrials.Select(t => t.Id));
        Assert.StartsWith("Best value 0.01 (accuracy 0.978, good). 0.01 scores best (0.978) and 0.1 next to it (0.95)", choice.Recommendation!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coarse_to_fine_search_by_best_accuracy_tells_its_story_in_accuracies_and_brackets_the_highest()
    {
        var settings = Grid with
        {
            Strategy = SearchStrategy.CoarseToFine,
            CoarseToFine = new CoarseToFineSettings("training.learning_rate", 0.01, 1e-7, 10, 2, 40, 2, SelectionMetric.BestAccuracy, null),
        };
        double[] rates = [1e-4, 1e-3, 1e-2, 1e-1, 1];
        double[] accuracies = [0.6, 0.8, 0.9, 0.97, 0.93];
        var trials = rates.Select((rate, i) => Classifier($"t{i + 1}", rate, 0.5, accuracies[i], stage: 1)).ToArray();

        var choice = SweepSelector.Choose(Of(settings, trials));

        var next = Assert.IsType<StageProposal>(choice.Search);
        Assert.Contains("0.0001 good (0.6)", next.Story[0], StringComparison.Ordinal);
        Assert.Contains("0.1 good (0.97)", next.Story[0], StringComparison.Ordinal);
        Assert.StartsWith("Stage 2 (fine): 0.1 scores best (0.97) and 1 next to it (0.93), so the best lies between 0.1 and 1", next.Story[1], StringComparison.Ordinal);
        Assert.Equal("best_accuracy", choice.Metric);
        Assert.Equal(0.97, choice.Score!.Value, 1e-12);
    }

    private static TrialRecord Classifier(string id, double rate, double loss, double accuracy, int stage = 0)
    {
        var trial = Trial(id, rate, loss, stage: stage);
        return trial with
        {
            FinalValidationLoss = loss,
            BestValidationLoss = loss,
            Epochs = [.. trial.Epochs.Select((e, i) => e with { ValidationLoss = e.TrainLoss, Accuracy = i == trial.Epochs.Length - 1 ? accuracy : 0.3 })],
        };
    }
}
