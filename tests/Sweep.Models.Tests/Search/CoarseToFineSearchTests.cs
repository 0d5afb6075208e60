using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Models.Tests.Search;

public class CoarseToFineSearchTests
{
    /// <summary>Seed 002's table: validation loss at epoch 70 and what the curve looked like.</summary>
    private static readonly Dictionary<double, (double Loss, CurveLabel Label)> Seed = new()
    {
        [1e-5] = (0.2, CurveLabel.Slow),
        [1e-4] = (0.15, CurveLabel.Slow),
        [0.001] = (0.1278, CurveLabel.Slow),
        [0.0015] = (0.1264, CurveLabel.Good),
        [0.0016] = (0.1259, CurveLabel.Good),
        [0.0017] = (0.1258, CurveLabel.Good),
        [0.0018] = (0.1267, CurveLabel.Good),
        [0.002] = (0.1265, CurveLabel.Good),
        [0.0025] = (0.1286, CurveLabel.Oscillating),
        [0.01] = (0.14, CurveLabel.Oscillating),
        [0.1] = (double.NaN, CurveLabel.Diverging),
    };

    private static CoarseToFineSettings Settings(int budget = 40, string target = CoarseToFineSettings.DefaultTarget, double max = 10) =>
        new(target, 0.001, 1e-7, max, Resolution: 2, budget, Decades: 2, SelectionMetric.FinalLoss, null);

    private static RatePoint SeedObjective(double rate) =>
        Seed.TryGetValue(rate, out var point)
            ? new RatePoint(rate, point.Loss, point.Label)
            : throw new InvalidOperationException($"The seed never tried {rate}.");

    [Fact]
    public void The_seeds_story_comes_out_stage_by_stage_and_ends_at_0_0017()
    {
        var (decision, stages, tried) = SearchDriver.Drive(new CoarseToFineSearch(Settings(), 0.001), SeedObjective);

        Assert.Equal([[1e-5, 1e-4, 0.001, 0.01, 0.1], [0.0015, 0.002, 0.0025], [0.0016, 0.0017, 0.0018]], stages.Select(s => s.Values.ToArray()));
        Assert.Equal([StageKind.Coarse, StageKind.Fine, StageKind.Fine], stages.Select(s => s.Kind));
        Assert.Equal(0.0017, decision.Value);
        Assert.Equal(0.1258, decision.Metric);
        Assert.Equal(SearchStopReason.Resolution, decision.Reason);
        Assert.Equal(11, decision.Trials);
        Assert.Equal(tried.Count, tried.Select(p => p.Value).Distinct().Count());
        Assert.Equal(
        [
            "Stage 1 (coarse): decades around 0.001: 1e-05 slow (0.2), 0.0001 slow (0.15), 0.001 slow (0.1278), 0.01 oscillating (0.14), 0.1 diverging (NaN).",
            "Stage 2 (fine): 0.001 is slow and 0.01 oscillates, so the best lies between 0.001 and 0.01 (step 0.0005): 0.0015 good (0.1264), 0.002 good (0.1265), 0.0025 oscillating (0.1286).",
            "Stage 3 (fine): 0.0015 scores best (0.1264) and 0.002 next to it (0.1265), so the best lies between 0.0015 and 0.002 (step 0.0001): 0.0016 good (0.1259), 0.0017 good (0.1258), 0.0018 good (0.1267).",
            "Best 0.0017 (0.1258, good) after 11 trials; stopped: no value of 2 significant digits lies between 0.0016 and 0.0017.",
        ],
            decision.Story.ToArray());
    }

    [Fact]
    public void A_run_killed_mid_stage_gets_back_only_the_values_it_still_lacks()
    {
        var search = new CoarseToFineSearch(Settings(), 0.001);
        double[] coarse = [1e-5, 1e-4, 0.001, 0.01, 0.1];
        List<StagePoint> tried = [.. coarse.Select(v => Point(1, v)), Point(2, 0.002)];

        var step = Assert.IsType<StageProposal>(search.Next(tried));

        Assert.Equal(2, step.Stage);
        Assert.Equal([0.0015, 0.0025], step.Values.ToArray());
    }

    [Fact]
    public void A_budget_of_six_trials_stops_after_the_coarse_grid_and_one_fine_value()
    {
        var (decision, stages, _) = SearchDriver.Drive(new CoarseToFineSearch(Settings(budget: 6), 0.001), SeedObjective);

        Assert.Equal([5, 1], stages.Select(s => s.Values.Length));
        Assert.Equal(6, decision.Trials);
        Assert.Equal(SearchStopReason.Budget, decision.Reason);
        Assert.Equal(0.0015, decision.Value);
    }

    [Fact]
    public void A_fine_stage_that_gains_less_than_the_tolerance_ends_the_search()
    {
        var (decision, stages, _) = SearchDriver.Drive(new CoarseToFineSearch(Settings() with { Tolerance = 0.02 }, 0.001), SeedObjective);

        Assert.Equal(2, stages.Count);
        Assert.Equal(SearchStopReason.Tolerance, decision.Reason);
        Assert.Equal(0.0015, decision.Value);
        Assert.EndsWith("stopped: stage 2 improved the best by 1.095% and its neighbours promise 0.055%, both less than the tolerance 2%.", decision.Story[^1]);
    }

    [Fact]
    public void A_fine_stage_that_only_diverges_narrows_the_bracket_instead_of_ending_the_search()
    {
        // y = 3x with SGD: 0.1 is the best decade and everything from 0.13 up diverges.
        RatePoint Objective(double rate) => rate >= 0.13
            ? new(rate, double.PositiveInfinity, CurveLabel.Diverging)
            : new(rate, Math.Pow(1 - (8 * rate), 200), rate < 0.1 ? CurveLabel.Slow : CurveLabel.Good);

        var (decision, stages, _) = SearchDriver.Drive(new CoarseToFineSearch(Settings(max: 1), 0.01), Objective);

        Assert.Equal([0.15, 0.2, 0.25], stages[1].Values.ToArray());
        Assert.Equal([0.11, 0.12], stages[2].Values.Take(2).ToArray());
        Assert.Equal(0.12, decision.Value);
        Assert.Equal(SearchStopReason.Resolution, decision.Reason);
    }

    [Fact]
    public void A_best_on_the_grids_upper_edge_extends_it_a_decade_at_a_time_up_to_the_bound()
    {
        // The loss falls with the rate up to 3 and is flat beyond: the grid must grow from 0.1 to the bound 5.
        RatePoint Objective(double rate) => new(rate, 1 / Math.Min(rate, 3), rate < 3 ? CurveLabel.Slow : CurveLabel.Good);

        var (decision, stages, tried) = SearchDriver.Drive(new CoarseToFineSearch(Settings(max: 5), 0.001), Objective);

        Assert.Equal([StageKind.Coarse, StageKind.Extend, StageKind.Extend], stages.Take(3).Select(s => s.Kind));
        Assert.Equal([[1], [5]], stages.Skip(1).Take(2).Select(s => s.Values.ToArray()));
        Assert.All(tried, p => Assert.InRange(p.Value, 1e-7, 5));
        Assert.InRange(decision.Value, 3, 5);
    }

    [Fact]
    public void For_weight_decay_only_the_metric_orders_the_bracket()
    {
        // Seed 001: try 0.1, 0.001, 0.0001 ... labels of decay trials say nothing about the side of the optimum.
        var settings = Settings() with { Target = "training.weight_decay.l2", Start = 0.001, Decades = 1 };
        RatePoint Objective(double decay) => new(decay, Math.Abs(Math.Log10(decay / 0.003)), CurveLabel.Slow);

        var (decision, stages, _) = SearchDriver.Drive(new CoarseToFineSearch(settings, 0.001), Objective);

        Assert.Equal([0.0001, 0.001, 0.01], stages[0].Values.ToArray());
        Assert.Equal(0.003, decision.Value, 1e-12);
    }

    [Fact]
    public void A_fine_stage_that_finds_nothing_better_goes_on_when_the_gap_on_the_other_side_promises_more()
    {
        // The full-batch spiral classifier (seed 3): 0.1 beats 0.01 and 0.15 .. 0.25, and the first fine stage
        // looks only above 0.1, towards the diverging 1; the optimum 0.04 lies in the decade below, never tried.
        double Loss(double rate) => (0.05 * Math.Pow(Math.Log(rate / 0.04), 2)) + 0.1;
        RatePoint Objective(double rate) => rate >= 1 ? new(rate, double.PositiveInfinity, CurveLabel.Diverging) : new(rate, Loss(rate), CurveLabel.Good);
        var settings = Settings() with { Start = 0.01 };

        var (decision, stages, _) = SearchDriver.Drive(new CoarseToFineSearch(settings, 0.01), Objective);

        Assert.Equal([0.15, 0.2, 0.25], stages[1].Values.ToArray());
        Assert.All(stages[2].Values, value => Assert.True(value < 0.1, $"stage 3 tries {value}"));
        Assert.InRange(decision.Value, 0.035, 0.045);
        Assert.True(Loss(decision.Value) <= 1.01 * Loss(0.04), $"{decision.Value} scores {Loss(decision.Value)}");
    }

    [Fact]
    public void Stages_with_a_gap_in_their_numbers_are_a_programmer_error()
    {
        var search = new CoarseToFineSearch(Settings(), 0.001);

        Assert.Throws<ArgumentException>(() => search.Next([Point(1, 0.001), Point(3, 0.002)]));
    }

    private static StagePoint Point(int stage, double value) =>
        new(stage, value, SeedObjective(value).Metric, SeedObjective(value).Label);
}
