using System.Collections.Immutable;
using System.Globalization;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Storage.Tests;

/// <summary>Values for tests: valid experiments, their planned trials, and epochs with a falling loss.</summary>
internal static class Some
{
    public static LoadedExperiment Experiment(string name = "store-test", int rates = 4, int decays = 2, string comment = "")
    {
        var rateList = string.Join(", ", Enumerable.Range(0, rates).Select(i => (0.001 * Math.Pow(2, i)).ToString("R", CultureInfo.InvariantCulture)));
        var decayList = string.Join(", ", Enumerable.Range(0, decays).Select(i => (0.01 * i).ToString("R", CultureInfo.InvariantCulture)));
        var yaml = $$"""
            # {{comment}}
            name: {{name}}
            seed: 3
            data:
              inline: {x: [[1], [2], [3]], y: [[3], [6], [9]]}
              normalize: none
            model:
              layers: [{units: 1, activation: linear}]
              init: zeros
            training:
              epochs: 20
              learning_rate: 0.001
              batch: full
            search:
              parameters:
                training.learning_rate: [{{rateList}}]
                training.weight_decay.l2: [{{decayList}}]
            """;
        var loaded = ExperimentLoader.Parse(yaml, $"{name}.yaml", ".");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Experiment!;
    }

    public static ImmutableArray<TrialPlan> Trials(LoadedExperiment experiment)
    {
        var plan = TrialPlanner.Plan(experiment);
        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        return plan.Trials;
    }

    /// <summary>Epochs 1..count with train loss 1/epoch and validation loss a little above it.</summary>
    public static ImmutableArray<EpochRecord> Epochs(int count, double offset = 0) =>
        [.. Enumerable.Range(1, count).Select(e => new EpochRecord(e, (1.0 / e) + offset, (1.1 / e) + offset, 0.5, 0.01, 2.0, 0.1, 0.001))];

    public static TrialOutcome Completed(int epochs, double offset = 0) =>
        new(TrialStatus.Completed, Epochs(epochs, offset), Seconds: 1.5);

    public static TrialOutcome Interrupted(int epochs) =>
        new(TrialStatus.Interrupted, Epochs(epochs), Seconds: 0.5);
}
