using System.Text.Json;
using System.Text.Json.Serialization;
using Sweep.Models;
using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// Labels every finished trial of an experiment version (slow, oscillating, diverging, good) against its
/// siblings, and stores each label with the numbers that decided it. Runs after every `sweep run`, over
/// the whole version, since a new trial can change what "the best of its sweep" is.
/// </summary>
internal static class SweepDiagnosis
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Record(IResultStore store, long experimentId, DiagnosisThresholds thresholds)
    {
        // One read of every epoch of the version, rather than one query per trial.
        var epochs = store.ListEpochs(experimentId).ToLookup(e => e.TrialId, e => e.Epoch, StringComparer.Ordinal);
        var finished = store.ListTrials(experimentId)
            .Where(t => t.Status is TrialStatus.Completed or TrialStatus.Diverged)
            .Select(t => new TrialResult(t.Id, t.Status, [.. epochs[t.Id]], null, t.Seconds ?? 0))
            .Where(t => !t.Epochs.IsEmpty)
            .ToList();
        var diagnoses = CurveDiagnosis.OfSweep(finished, thresholds);
        for (var i = 0; i < finished.Count; i++)
        {
            var diagnosis = diagnoses[i];
            store.RecordDiagnosis(
                experimentId,
                finished[i].TrialId,
                EnumText.Lower(diagnosis.Label),
                JsonSerializer.Serialize(new { diagnosis.Label, diagnosis.Reason, diagnosis.Measures }, Json));
        }
    }
}
