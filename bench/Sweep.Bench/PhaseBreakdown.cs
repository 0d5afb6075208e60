using System.Globalization;
using System.Text.Json;
using Sweep.Models.Training;

namespace Sweep.Bench;

/// <summary>
/// The engine's time per training phase, per epoch: each phase's fastest run, since on a shared machine
/// the other processes only ever add time, printed as one JSON line and a Markdown table. "other" is what
/// no phase covers (the loop, the epoch records), against the fastest epoch, so the rows add up to it.
/// </summary>
internal sealed class PhaseBreakdown
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly Dictionary<TrainingPhase, List<double>> training = [];
    private readonly Dictionary<TrainingPhase, List<double>> validation = [];

    /// <summary>Adds one run's phases: its training phases, its validation phases, or both.</summary>
    public void Add((TrainingPhase Phase, double Training, double Validation)[] times, bool countTraining, bool countValidation)
    {
        foreach (var (phase, trainingSeconds, validationSeconds) in times)
        {
            if (countTraining)
            {
                Runs(training, phase).Add(trainingSeconds);
            }

            if (countValidation)
            {
                Runs(validation, phase).Add(validationSeconds);
            }
        }
    }

    /// <param name="epochs">Epochs of each run.</param>
    /// <param name="trainingEpoch">Seconds of the fastest training epoch, the total the training rows add up to.</param>
    /// <param name="validationEpoch">Seconds of the fastest validation pass.</param>
    public void Write(TextWriter output, string workload, int epochs, double trainingEpoch, double validationEpoch)
    {
        var trainingMs = PerEpoch(training, epochs, trainingEpoch);
        var validationMs = PerEpoch(validation, epochs, validationEpoch);
        output.WriteLine(JsonSerializer.Serialize(
            new Dictionary<string, object>
            {
                ["workload"] = workload,
                ["impl"] = "sweep-phases",
                ["training_ms_per_epoch"] = trainingMs,
                ["validation_ms_per_epoch"] = validationMs,
            },
            Json));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {workload}: phase | training ms per epoch (fastest run) | share | validation ms per epoch (fastest run) |"));
        output.WriteLine("|---|---|---|---|");
        foreach (var (name, ms) in trainingMs)
        {
            var share = ms / (trainingEpoch * 1e3);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:F2} | {share:P0} | {validationMs[name]:F2} |"));
        }
    }

    private static List<double> Runs(Dictionary<TrainingPhase, List<double>> phases, TrainingPhase phase) =>
        phases.TryGetValue(phase, out var runs) ? runs : phases[phase] = [];

    private static Dictionary<string, double> PerEpoch(Dictionary<TrainingPhase, List<double>> seconds, int epochs, double epochSeconds)
    {
        var ms = seconds.ToDictionary(
            pair => JsonNamingPolicy.SnakeCaseLower.ConvertName(pair.Key.ToString()),
            pair => Math.Round(pair.Value.DefaultIfEmpty().Min() / epochs * 1e3, 3));
        ms["other"] = Math.Round(Math.Max(0, (epochSeconds * 1e3) - ms.Values.Sum()), 3);
        ms["epoch"] = Math.Round(epochSeconds * 1e3, 3);
        return ms;
    }
}
