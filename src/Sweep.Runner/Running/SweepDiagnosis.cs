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
    /// <summary>
    /// Labels the version's trials and returns its read model with those labels, without epochs unless ranking
    /// reads them. The trials' epochs are read from the store a page at a time, so a sweep of any size is labelled
    /// without holding its curves.
    /// </summary>
    public static SweepRecord Record(IResultStore store, long experimentId)
    {
        var settings = (store.ReadSweep(experimentId, withEpochs: false) ?? throw new StoreException($"The store has no experiment version {experimentId}.")).Settings;
        foreach (var (trialId, diagnosis) in SweepLabels.Stream(() => store.ReadTrials(experimentId), settings.Diagnosis))
        {
            store.RecordDiagnosis(experimentId, trialId, TrialDiagnosis.Of(diagnosis));
        }

        return store.ReadSweep(experimentId, withEpochs: false)!;
    }
}
