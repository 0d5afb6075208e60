using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// Stores the label of every finished trial of an experiment version (slow, oscillating, diverging, good) with
/// the numbers that decided it, as <see cref="SweepLabels"/> gives them. Runs after every stage of a search
/// and at the end of every `sweep run`, since a new trial can change what "the best of its stage" is.
/// </summary>
internal static class SweepDiagnosis
{
    /// <summary>Labels the version's trials and returns its read model with those labels.</summary>
    public static SweepRecord Record(IResultStore store, long experimentId)
    {
        var sweep = store.ReadSweep(experimentId) ?? throw new StoreException($"The store has no experiment version {experimentId}.");
        var diagnoses = SweepLabels.Of(sweep.Trials, sweep.Settings.Diagnosis);
        foreach (var (trialId, diagnosis) in diagnoses)
        {
            store.RecordDiagnosis(experimentId, trialId, TrialDiagnosis.Of(diagnosis));
        }

        return sweep with
        {
            Trials = [.. sweep.Trials.Select(t => diagnoses.TryGetValue(t.Id, out var d) ? t with { Diagnosis = TrialDiagnosis.Of(d) } : t)],
        };
    }
}
