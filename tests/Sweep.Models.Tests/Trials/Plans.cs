using Sweep.Models.Experiments;
using Sweep.Models.Search;

namespace Sweep.Models.Tests.Trials;

/// <summary>Experiments on y = 3x and the trials they plan, for the executor tests.</summary>
internal static class Plans
{
    public static LoadedExperiment Linear(double rate, int epochs = 20) => Load($$"""
        name: linear
        data:
          inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
        model:
          layers: [{units: 1}]
          init: zeros
        training: {epochs: {{epochs}}, batch: full, learning_rate: {{rate}}}
        """);

    public static LoadedExperiment RangeTest(int steps = 40) => Load($$"""
        name: find
        data:
          inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
        model:
          layers: [{units: 1}]
          init: zeros
        training: {epochs: 1, batch: full}
        search:
          strategy: lr-range-test
          min: 1e-5
          max: 1
          steps: {{steps}}
        """);

    public static TrialPlan Single(LoadedExperiment experiment) => TrialPlanner.Plan(experiment).Trials.Single();

    private static LoadedExperiment Load(string yaml)
    {
        var loaded = ExperimentLoader.Parse(yaml, "x.yaml", ".");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Experiment!;
    }
}
