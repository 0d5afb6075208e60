using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sweep.Models.Experiments;

namespace Sweep.Models.Search;

/// <summary>
/// What an experiment resolves to, as 64 hex digits: the trials it plans first (id and stage, in plan
/// order) and the search settings that decide what runs next and what is chosen (strategy, repeats,
/// random draws, coarse-to-fine and range-test settings, diagnosis thresholds). Two files with the same
/// fingerprint run the same trials and choose the same way, so they are one version of the experiment:
/// comments, the description, key order, number spelling and search.parallel change nothing here.
/// </summary>
public static class ExperimentFingerprint
{
    /// <summary>The fingerprint of the experiment, planning its first trials.</summary>
    public static string Of(LoadedExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var plan = TrialPlanner.Plan(experiment);

        // A plan with problems never runs; its text is all that identifies it.
        return plan.IsValid ? Of(experiment.Definition.Search, plan.Trials) : Hash("text:" + experiment.Text);
    }

    /// <summary>The fingerprint of a search block and the trials it planned first.</summary>
    public static string Of(SearchDefinition search, ImmutableArray<TrialPlan> firstTrials)
    {
        ArgumentNullException.ThrowIfNull(search);
        var canonical = JsonSerializer.Serialize(
            new SearchIdentity(
                search.Strategy,
                search.Repeats,
                search.Trials,
                search.CoarseToFine,
                search.RangeTest,
                search.Diagnosis,
                firstTrials.Select(t => $"{t.Stage}:{t.Id}")),
            IdentityJson.Options);
        return Hash(canonical);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
