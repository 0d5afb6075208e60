using System.Text.Json;
using System.Text.Json.Serialization;
using Sweep.Models;
using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Storage;

/// <summary>
/// A trial's diagnosis as the store keeps it: <c>trials.diagnosis</c> (the label as a word) and <c>trials.diagnosis_json</c>
/// (the label, the reason and the measures as one JSON object). Written and read here only, so the two agree.
/// </summary>
internal static class DiagnosisJson
{
    private static readonly JsonSerializerOptions Options = new(StoredJsonContext.Default.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The stored diagnosis; null when the trial has no label. A label that names no curve label is an error.</summary>
    public static TrialDiagnosis? Read(string trialId, string? label, string? json)
    {
        if (label is null)
        {
            return null;
        }

        CurveLabel parsed;
        try
        {
            parsed = TrialDiagnosis.ParseLabel(label);
        }
        catch (FormatException e)
        {
            throw new StoreException($"Trial {trialId} has the diagnosis '{label}', which is not a curve label; run 'sweep run' again to diagnose it anew.", e);
        }

        var stored = json is null ? null : JsonSerializer.Deserialize<Stored>(json, Options);
        return new TrialDiagnosis(parsed, stored?.Reason, stored?.Measures);
    }

    /// <summary>The label's word and the JSON of the label, the reason and the measures.</summary>
    public static (string Label, string Json) Write(TrialDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return (EnumText.Lower(diagnosis.Label), JsonSerializer.Serialize(diagnosis, Options));
    }

    /// <summary>The parameters of the statement that stores each diagnosis, as Dapper binds them by name.</summary>
    public static IEnumerable<object> Rows(long experimentId, IEnumerable<DiagnosedTrial> diagnoses)
    {
        foreach (var (trialId, diagnosis) in diagnoses)
        {
            var (label, json) = Write(diagnosis);
            yield return new { ExperimentId = experimentId, TrialId = trialId, Label = label, Json = json };
        }
    }

    /// <summary>What is read back: the label is its own column.</summary>
    internal sealed record Stored(string? Reason, CurveMeasures? Measures);
}
