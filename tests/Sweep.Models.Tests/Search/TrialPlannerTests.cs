using Sweep.Models.Experiments;
using Sweep.Models.Search;

namespace Sweep.Models.Tests.Search;

public sealed class TrialPlannerTests
{
    private const string Base = """
        name: plan
        seed: 7
        data:
          inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
        model:
          layers: [{units: 1, activation: linear}]
        training:
          epochs: 10
          optimizer: sgd

        """;

    private static TrialPlanResult Plan(string search)
    {
        var loaded = ExperimentLoader.Parse(Base + search, "plan.yaml", ".");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return TrialPlanner.Plan(loaded.Experiment!);
    }

    [Fact]
    public void Six_rates_by_three_penalties_by_three_batch_modes_make_54_trials_with_exact_values()
    {
        var plan = Plan("""
            search:
              parameters:
                training.learning_rate: {log: {min: 1e-5, max: 1, per_decade: 1}}
                training.weight_decay.l2: {values: [0, 0.001, 0.1]}
                training.batch: {values: [full, 32, sgd]}
            """);

        Assert.Equal(54, plan.Trials.Length);
        Assert.Equal(54, plan.Trials.Select(t => t.Id).Distinct().Count());
        Assert.Equal([1e-05, 0.0001, 0.001, 0.01, 0.1, 1], plan.Trials.Select(t => t.Configuration.Training.LearningRate).Distinct());
        Assert.Equal([0, 0.001, 0.1], plan.Trials.Select(t => t.Configuration.Training.WeightDecay.L2).Distinct());
        Assert.Equal([BatchSize.Full, BatchSize.Of(32), BatchSize.Single], plan.Trials.Select(t => t.Configuration.Training.Batch).Distinct());
        var last = plan.Trials[^1];
        Assert.Equal((54, 1.0, 0.1, BatchSize.Single), (last.Number, last.Configuration.Training.LearningRate, last.Configuration.Training.WeightDecay.L2, last.Configuration.Training.Batch));
    }

    [Fact]
    public void A_plan_keeps_each_trials_configuration_with_its_seed()
    {
        var plan = Plan("""
            search:
              repeats: 2
              parameters:
                training.learning_rate: [0.1, 0.01]
            """);

        var trial = plan.Trials[3];

        Assert.Same(trial.Configuration, trial.Configuration);
        Assert.Equal(0.01, trial.Configuration.Training.LearningRate);
        Assert.Equal(trial.Seed, trial.Configuration.Seed);
        Assert.Equal(trial.Id, TrialIdentity.Of(trial.Configuration, trial.Seed));
    }

    [Fact]
    public void A_plan_of_more_trials_than_it_keeps_resolves_the_same_configuration_with_its_seed_at_each_read()
    {
        var rates = string.Join(", ", Enumerable.Range(1, 101).Select(i => (i / 1000.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var decays = string.Join(", ", Enumerable.Range(1, 100).Select(i => (i / 100000.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var plan = Plan($$"""
            search:
              parameters:
                training.learning_rate: [{{rates}}]
                training.weight_decay.l2: [{{decays}}]
            """);
        Assert.True(plan.Trials.Length > TrialPlan.KeptConfigurations);

        var trial = plan.Trials[^1];
        var first = trial.Configuration;
        var second = trial.Configuration;
        var resolved = trial.Resolved();

        Assert.NotSame(first, second);
        Assert.Same(resolved.Configuration, resolved.Configuration);
        Assert.Equal((0.101, 0.001), (first.Training.LearningRate, first.Training.WeightDecay.L2));
        Assert.Equal(trial.Seed, first.Seed);
        Assert.Equal(TrialIdentity.CanonicalJson(first, trial.Seed), TrialIdentity.CanonicalJson(second, trial.Seed));
        Assert.Equal(trial.Id, TrialIdentity.Of(resolved.Configuration, trial.Seed));
    }

    [Fact]
    public void Later_parameters_vary_fastest()
    {
        var plan = Plan("""
            search:
              parameters:
                training.learning_rate: [0.1, 0.01]
                training.batch: [full, sgd]
            """);

        Assert.Equal(["0.1 full", "0.1 sgd", "0.01 full", "0.01 sgd"], plan.Trials.Select(t => $"{t.Parameters[0].Value} {t.Parameters[1].Value}"));
    }

    [Fact]
    public void Include_zero_adds_zero_before_the_range()
    {
        var plan = Plan("""
            search:
              parameters:
                training.weight_decay.l1: {log: {min: 1e-4, max: 1e-1, per_decade: 1}, include_zero: true}
            """);

        Assert.Equal([0, 1e-4, 1e-3, 1e-2, 0.1], plan.Trials.Select(t => t.Configuration.Training.WeightDecay.L1));
    }

    [Fact]
    public void Repeats_keep_the_seed_first_and_derive_distinct_seeds_after()
    {
        var plan = Plan("""
            search:
              repeats: 3
              parameters:
                training.learning_rate: [0.1, 0.01]
            """);

        Assert.Equal(6, plan.Trials.Length);
        Assert.Equal([7, SeedSequence.ForRepeat(7, 1), SeedSequence.ForRepeat(7, 2)], plan.Trials.Take(3).Select(t => t.Seed));
        Assert.Equal(3, plan.Trials.Take(3).Select(t => t.Seed).Distinct().Count());
        Assert.Equal(6, plan.Trials.Select(t => t.Id).Distinct().Count());
        Assert.All(plan.Trials, t => Assert.Equal(t.Seed, t.Configuration.Seed));
    }

    [Fact]
    public void A_search_can_set_an_optimizer_setting_under_the_short_form()
    {
        var plan = Plan("""
            search:
              parameters:
                training.optimizer.momentum: [0, 0.9]
            """);

        Assert.Equal([(OptimizerKind.Sgd, 0.0), (OptimizerKind.Sgd, 0.9)], plan.Trials.Select(t => (t.Configuration.Training.Optimizer.Kind, t.Configuration.Training.Optimizer.Momentum)));
    }

    [Fact]
    public void A_search_can_set_a_layer_by_its_index()
    {
        const string twoLayers = """
            name: plan
            data:
              synthetic: {kind: linear, n: 20}
            model:
              layers: [{units: 4, activation: tanh}, {units: 1}]
            training: {epochs: 1}
            search:
              parameters:
                model.layers.0.units: [8, 16]
            """;
        var plan = TrialPlanner.Plan(ExperimentLoader.Parse(twoLayers, "plan.yaml", ".").Experiment!);

        Assert.Equal([8, 16], plan.Trials.Select(t => t.Configuration.EngineModel.Layers[0].Units));
        Assert.All(plan.Trials, t => Assert.Equal(Activation.Tanh, t.Configuration.EngineModel.Layers[0].Activation));
    }

    [Fact]
    public void Random_search_draws_the_asked_number_of_trials_the_same_way_each_time()
    {
        const string search = """
            search:
              strategy: random
              trials: 12
              parameters:
                training.learning_rate: {loguniform: {min: 1e-4, max: 1}}
                training.batch: [full, 2]
            """;

        var first = Plan(search);
        var second = Plan(search);

        Assert.Equal(12, first.Trials.Length);
        Assert.Equal(first.Trials.Select(t => t.Id), second.Trials.Select(t => t.Id));
        Assert.All(first.Trials, t => Assert.InRange(t.Configuration.Training.LearningRate, 1e-4, 1));
    }

    [Fact]
    public void Coarse_to_fine_plans_decades_around_the_optimizers_default_rate()
    {
        var plan = Plan("search: {strategy: coarse-to-fine}\n");

        Assert.Equal([1e-4, 1e-3, 0.01, 0.1, 1], plan.Trials.Select(t => t.Configuration.Training.LearningRate));
    }

    [Fact]
    public void Coarse_to_fine_tolerance_can_be_set_and_defaults_to_one_percent()
    {
        var set = ExperimentLoader.Parse(Base + "search: {strategy: coarse-to-fine, tolerance: 0.05}\n", "plan.yaml", ".");
        var unset = ExperimentLoader.Parse(Base + "search: {strategy: coarse-to-fine}\n", "plan.yaml", ".");

        Assert.Equal(0.05, set.Experiment!.Definition.Search.CoarseToFine!.Tolerance);
        Assert.Equal(0.01, unset.Experiment!.Definition.Search.CoarseToFine!.Tolerance);
    }

    [Fact]
    public void Coarse_to_fine_stays_within_its_bounds()
    {
        var plan = Plan("search: {strategy: coarse-to-fine, start: 0.001, decades: 3, max: 0.1}\n");

        Assert.Equal([1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1], plan.Trials.Select(t => t.Configuration.Training.LearningRate));
    }

    [Fact]
    public void Diagnosis_thresholds_can_be_set_and_default_otherwise()
    {
        var set = ExperimentLoader.Parse(Base + "search: {diagnosis: {tail_fraction: 0.3, min_reversals: 3}}\n", "plan.yaml", ".");
        var unset = ExperimentLoader.Parse(Base, "plan.yaml", ".");

        var thresholds = set.Experiment!.Definition.Search.Diagnosis;
        Assert.Equal((0.3, 3, Sweep.Models.Selection.DiagnosisThresholds.DefaultMargin), (thresholds.TailFraction, thresholds.MinReversals, thresholds.Margin));
        Assert.Equal(Sweep.Models.Selection.DiagnosisThresholds.Default, unset.Experiment!.Definition.Search.Diagnosis);
    }

    [Fact]
    public void Range_test_is_one_trial_of_the_experiment_as_written()
    {
        var plan = Plan("search: {strategy: lr-range-test, steps: 50}\n");

        Assert.Equal(0.01, Assert.Single(plan.Trials).Configuration.Training.LearningRate);
    }
}
