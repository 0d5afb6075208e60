using Sweep.Models.Experiments;
using Sweep.Models.Search;

namespace Sweep.Models.Tests.Search;

public sealed class TrialIdentityTests
{
    private const string Written = """
        name: identity
        seed: 3
        data:
          inline: {x: [[1], [2]], y: [[3], [6]]}
          normalize: none
        model:
          layers: [{units: 1, activation: linear}]
          init: zeros
        training:
          epochs: 100
          learning_rate: 0.001
          batch: full
        search:
          parameters:
            training.weight_decay.l2: [0, 0.01]
        """;

    private const string Reordered = """
        # the same experiment, keys in another order, numbers spelt otherwise, another name
        search:
          parameters:
            training.weight_decay.l2: [0.0, 1e-2]
        training:
          batch: full
          learning_rate: 1e-3
          epochs: 100
        model:
          init: zeros
          layers: [{activation: linear, units: 1}]
        data:
          normalize: none
          inline: {y: [[3], [6]], x: [[1], [2]]}
        seed: 3
        name: renamed
        description: names and descriptions are labels, not configuration
        """;

    private static IReadOnlyList<string> Ids(string yaml)
    {
        var loaded = ExperimentLoader.Parse(yaml, "identity.yaml", ".");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return [.. TrialPlanner.Plan(loaded.Experiment!).Trials.Select(t => t.Id)];
    }

    [Fact]
    public void Ids_do_not_depend_on_key_order_number_spelling_or_names()
    {
        Assert.Equal(Ids(Written), Ids(Reordered));
    }

    [Fact]
    public void Ids_are_the_same_on_every_machine_and_run()
    {
        // Pinned: a change here breaks resuming stores written by earlier versions, so it must be deliberate.
        Assert.Equal(["b61dd23c106171de", "d5c3d323d6df9415"], Ids(Written));
    }

    [Fact]
    public void Ids_change_with_any_value_that_changes_training()
    {
        var ids = new[]
        {
            Ids(Written)[0],
            Ids(Written.Replace("epochs: 100", "epochs: 101", StringComparison.Ordinal))[0],
            Ids(Written.Replace("seed: 3", "seed: 4", StringComparison.Ordinal))[0],
            Ids(Written.Replace("batch: full", "batch: 1", StringComparison.Ordinal))[0],
            Ids(Written.Replace("init: zeros", "init: he", StringComparison.Ordinal))[0],
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
