using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sweep.Models;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;
using Sweep.Runner.Logging;
using Sweep.Runner.Progress;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// What `sweep run` prints at the end, from the store's read model (so a resumed sweep ranks every trial, not
/// only this run's): the ten best completed trials in the sweep's one ranking, the counts by status, the
/// choice, the failed trials with their errors, and where the results are. When the trials
/// differ in batch mode, the ranking also shows each one's updates per epoch (seed 001: full batch makes
/// one, mini-batches ceil(n / b), SGD n). With --log-format json it is one JSON object on one line.
/// </summary>
internal sealed record SweepSummary(
    ExperimentRegistration Experiment,
    long RunId,
    string StorePath,
    string LogFile,
    IReadOnlyDictionary<string, TrialPlan> Plan,
    SweepRecord Sweep,
    SweepChoice Choice)
{
    private const int ShownInRanking = 10;

    /// <summary>Each planned trial's optimizer steps per epoch, by trial id.</summary>
    public IReadOnlyDictionary<string, int> UpdatesPerEpoch { get; init; } = new Dictionary<string, int>();

    public void Write(TextWriter output, LogFormat format)
    {
        if (format == LogFormat.Json)
        {
            WriteJson(output);
        }
        else
        {
            WriteText(output);
        }
    }

    private ImmutableArray<TrialRecord> Trials => Sweep.Trials;

    /// <summary>True for a <c>strategy: lr-range-test</c> sweep, whose own range test answers it.</summary>
    private bool IsRangeTestSweep => Choice is { AnswersByRangeTest: true, RangeTest.Record.ByLrFind: false };

    private List<TrialRecord> Ranked() => [.. Choice.RankedTrials.Where(t => t.Status == TrialStatus.Completed && t.FinalLoss is not null)];

    private string Describe(TrialRecord trial) =>
        Plan.TryGetValue(trial.Id, out var plan) ? TrialText.Describe(plan) : $"trial {trial.Id}";

    private void WriteText(TextWriter output)
    {
        var ranked = Ranked();
        output.WriteLine();
        if (ranked.Count == 0)
        {
            // A range-test sweep's one trial runs no epoch, so it is never ranked; the test itself is the answer.
            if (!IsRangeTestSweep)
            {
                output.WriteLine("No trial completed.");
            }
        }
        else
        {
            var paths = Sweep.ParameterPaths;
            var header = new List<string> { "rank", "trial" };
            header.AddRange(paths);
            var showUpdates = UpdatesPerEpoch.Values.Distinct().Count() > 1;
            if (showUpdates)
            {
                header.Add("updates/epoch");
            }

            header.AddRange(["final loss", "best loss", "epochs", "diagnosis"]);
            var rows = ranked.Take(ShownInRanking).Select((trial, rank) =>
            {
                var row = new List<string> { (rank + 1).ToString(CultureInfo.InvariantCulture), trial.Id };
                row.AddRange(paths.Select(path => trial.ValueOf(path)?.Text ?? ""));
                if (showUpdates)
                {
                    row.Add(UpdatesPerEpoch.TryGetValue(trial.Id, out var updates) ? updates.ToString(CultureInfo.InvariantCulture) : "");
                }

                row.Add(Number(trial.FinalLoss));
                row.Add(Number(trial.BestLoss));
                row.Add(trial.EpochsRun.ToString(CultureInfo.InvariantCulture));
                row.Add(trial.Diagnosis is { } diagnosis ? EnumText.Lower(diagnosis.Label) : "");
                return (IReadOnlyList<string>)row;
            }).ToList();
            output.Write(TextTable.Format(header, rows));
        }

        var counts = string.Join(", ", Trials.GroupBy(t => t.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {EnumText.Lower(g.Key)}"));
        output.WriteLine(Choice switch
        {
            { AnswersByRangeTest: true, RangeTest: { Result.Suggestion: { } rate } test } =>
                $"{counts}. Suggested learning rate {Rate(rate)}, where the smoothed loss falls fastest (range test {test.Record.Id}); lowest-loss rate / 10: {Rate(test.Result.MinLossRateOverTen)}.",
            { AnswersByRangeTest: true, RangeTest: { } test } =>
                $"{counts}. Suggested learning rate {Rate(test.Rate)}, the lowest-loss rate / 10, as the smoothed loss never fell (range test {test.Record.Id}).",
            { Trial: { } best, Metric: { } metric } => $"{counts}. Best: {Describe(best)}, {Words(metric)} {Number(Choice.Score)}.",
            _ => $"{counts}.",
        });
        foreach (var failed in Trials.Where(t => t.Status == TrialStatus.Failed))
        {
            output.WriteLine($"Failed: {Describe(failed)}: {failed.Error}");
        }

        output.WriteLine($"Results are in the store '{StorePath}' (experiment '{Experiment.Name}' version {Experiment.Version}, run {RunId}); see them with: sweep show {Experiment.Name} --db {StorePath}");
        output.WriteLine($"Log: {LogFile}");
    }

    private void WriteJson(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("experiment", Experiment.Name);
            json.WriteNumber("version", Experiment.Version);
            json.WriteNumber("run_id", RunId);
            json.WriteString("store", StorePath);
            json.WriteString("log", LogFile);
            json.WriteStartObject("trials");
            foreach (var group in Trials.GroupBy(t => t.Status).OrderBy(g => g.Key))
            {
                json.WriteNumber(EnumText.Lower(group.Key), group.Count());
            }

            json.WriteEndObject();
            json.WriteStartArray("ranking");
            foreach (var trial in Ranked().Take(ShownInRanking))
            {
                json.WriteStartObject();
                json.WriteString("trial_id", trial.Id);
                WriteParameters(json, trial);
                if (UpdatesPerEpoch.TryGetValue(trial.Id, out var updates))
                {
                    json.WriteNumber("updates_per_epoch", updates);
                }

                json.WriteNumber("final_loss", trial.FinalLoss!.Value);
                WriteNumberOrNull(json, "best_loss", trial.BestLoss);
                json.WriteNumber("epochs", trial.EpochsRun);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteBest(json);
            json.WriteStartArray("failed");
            foreach (var failed in Trials.Where(t => t.Status == TrialStatus.Failed))
            {
                json.WriteStartObject();
                json.WriteString("trial_id", failed.Id);
                json.WriteString("error", failed.Error);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The choice, with the same fields as `sweep best --format json`.</summary>
    private void WriteBest(Utf8JsonWriter json)
    {
        if (Choice.TrialId is not { } trialId)
        {
            json.WriteNull("best");
            return;
        }

        json.WriteStartObject("best");
        json.WriteString("trial_id", trialId);
        WriteNumberOrNull(json, "learning_rate", Choice.LearningRate);
        json.WriteString("metric", Choice.AnswersByRangeTest ? Choice.RangeTest!.Metric : Choice.Metric);
        WriteNumberOrNull(json, "value", Choice.AnswersByRangeTest ? Choice.RangeTest!.Result.SteepestSlope : Choice.Score);
        if (!Choice.AnswersByRangeTest && Choice.Trial is { } trial)
        {
            WriteParameters(json, trial);
        }

        json.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter json, TrialRecord trial)
    {
        json.WriteStartObject("parameters");
        foreach (var (path, value) in trial.Parameters)
        {
            if (value.Number is { } number)
            {
                json.WriteNumber(path, number);
            }
            else
            {
                json.WriteString(path, value.Text);
            }
        }

        json.WriteEndObject();
    }

    /// <summary>A metric's name as words: <c>final_val_loss</c> as "final loss", the loss that ranks.</summary>
    private static string Words(string metric) => metric.StartsWith("final_", StringComparison.Ordinal) ? "final loss" : metric.Replace('_', ' ');

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A suggested rate to four significant digits, as the range test reports it everywhere.</summary>
    private static string Rate(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

}
