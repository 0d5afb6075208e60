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
