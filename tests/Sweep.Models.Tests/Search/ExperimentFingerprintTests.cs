using Sweep.Models.Experiments;
using Sweep.Models.Search;

namespace Sweep.Models.Tests.Search;

public sealed class ExperimentFingerprintTests
{
    private const string Written = """
        name: fingerprint
        seed: 3
        data:
          inline: {x: [[1], [2]], y: [[3], [6]]}
        model:
          layers: [{units: 1}]
          init: zeros
        training:
          epochs: 100
          batch: full
        search:
          parameters:
            training.learning_rate: [0.001, 0.01]
        """;

    private static string Of(string yaml)
    {
        var loaded = ExperimentLoader.Parse(yaml, "fingerprint.yaml", ".");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return ExperimentFingerprint.Of(loaded.Experiment!);
    }

    [Fact]
    public void Fingerprints_are_the_same_on_every_machine_and_run()
    {
        // Pinned: a store knows an experiment's versions by fingerprint, so a change here makes every stored
        // experiment look edited; it must be deliberate.
        var coarseToFine = Written.Replace(
            "  parameters:\n    training.learning_rate: [0.001, 0.01]",
            "  strategy: coarse-to-fine\n  start: 0.01",
            StringComparison.Ordinal);

        Assert.Equal(
            ["a35cd8df270ff9b5cca29cd934a3373f056bab9a5845b2a4ae08f312f00c1455", "7f121ebcfbab7c1493d299bdf44b8249faa88b3e94a4ff76bbc9c4a8324ec10c"],
            [Of(Written), Of(coarseToFine)]);
    }

    [Fact]
    public void A_comment_a_description_and_search_parallel_leave_the_fingerprint_as_it_was()
    {
        var edited = "# a note\ndescription: two rates\n" + Written.Replace("  parameters:", "  parallel: 2\n  parameters:", StringComparison.Ordinal);

        Assert.Equal(Of(Written), Of(edited));
    }

    [Fact]
    public void Another_trial_repeats_or_diagnosis_threshold_is_another_fingerprint()
    {
        var fingerprints = new[]
        {
            Of(Written),
            Of(Written.Replace("[0.001, 0.01]", "[0.001, 0.01, 0.1]", StringComparison.Ordinal)),
            Of(Written.Replace("[0.001, 0.01]", "[0.01, 0.001]", StringComparison.Ordinal)),
            Of(Written.Replace("epochs: 100", "epochs: 50", StringComparison.Ordinal)),
            Of(Written.Replace("  parameters:", "  repeats: 2\n  parameters:", StringComparison.Ordinal)),
        };

        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
        Assert.All(fingerprints, f => Assert.Matches("^[0-9a-f]{64}$", f));
    }

    [Fact]
    public void The_fingerprint_of_the_plan_is_the_fingerprint_of_the_experiment()
    {
        var loaded = ExperimentLoader.Parse(Written, "fingerprint.yaml", ".").Experiment!;

        Assert.Equal(Of(Written), ExperimentFingerprint.Of(loaded.Definition.Search, TrialPlanner.Plan(loaded).Trials));
    }
}
