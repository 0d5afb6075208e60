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
    /// <summary>Labels stored a transaction at a time: one per trial made labelling a large sweep take longer than training it.</summary>
    private const int LabelsPerTransaction = 1_000;

    /// <summary>
    /// Labels the version's trials and returns its read model with those labels, without epochs unless ranking
    /// reads them. The trials' epochs are read from the store a page at a time, so a sweep of any size is labelled
    /// without holding its curves. The thresholds are the experiment's own, which its version was registered with.
    /// </summary>
    public static SweepRecord Record(IResultStore store, long experimentId, DiagnosisThresholds thresholds)
    {
        var labels = SweepLabels.Stream(withEpochs => store.ReadTrials(experimentId, withEpochs), thresholds)
            .Select(d => new DiagnosedTrial(d.TrialId, TrialDiagnosis.Of(d.Diagnosis)));
        foreach (var chunk in labels.Chunk(LabelsPerTransaction))
        {
            store.RecordDiagnoses(experimentId, chunk);
        }

        return store.ReadSweep(experimentId, withEpochs: false) ?? throw new StoreException($"The store has no experiment version {experimentId}.");
    }
}
