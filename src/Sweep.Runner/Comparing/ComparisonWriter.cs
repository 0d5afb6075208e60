using System.Globalization;
using System.Text.Json;
using Sweep.Models.Comparison;

namespace Sweep.Runner.Comparing;

/// <summary>
/// Renders a <see cref="ChoiceComparison"/> as text for people, Markdown for CI job summaries, or JSON for tools;
/// every format shows the same rows: the chosen value, its loss, its diagnosis, trials run, and each searched key.
/// </summary>
internal static class ComparisonWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Write(string experiment, ChoiceComparison comparison, double? maxRegression, string format, TextWriter output)
    {
        switch (format)
        {
            case "json":
                WriteJson(experiment, comparison, maxRegression, output);
                break;
            case "md":
                WriteMarkdown(experiment, comparison, maxRegression, output);
                break;
            default:
                WriteText(experiment, comparison, maxRegression, output);
                break;
        }
    }

    /// <summary>The rows every format shows: what, the baseline's, the latest's, and what changed.</summary>
    private static List<string[]> Rows(ChoiceComparison c)
    {
        var (baseline, latest) = (c.Baseline, c.Latest);
        var loss = c.SameMetric ? baseline.Metric ?? latest.Metric ?? "loss" : $"{baseline.Metric} / {latest.Metric}";
        List<string[]> rows =
        [
            Row(latest.ValueName == baseline.ValueName ? latest.ValueName : $"{baseline.ValueName} / {latest.ValueName}", Number(baseline.Value), Number(latest.Value)),
            new[] { loss.Replace('_', ' '), Number(baseline.Loss), Number(latest.Loss), LossChange(c) },
            Row("diagnosis", baseline.Diagnosis ?? "", latest.Diagnosis ?? ""),
            new[]
            {
                "trials run",
                Whole(baseline.TrialsRun),
                Whole(latest.TrialsRun),
                latest.TrialsRun == baseline.TrialsRun ? "same" : (latest.TrialsRun - baseline.TrialsRun).ToString("+0;-0", CultureInfo.InvariantCulture),
            },
        ];
        rows.AddRange(c.Parameters.Select(p => Row(p.Path, p.Baseline ?? "", p.Latest ?? "")));
        return rows;
    }

    private static string[] Row(string what, string baseline, string latest) =>
        [what, baseline, latest, string.Equals(baseline, latest, StringComparison.Ordinal) ? "same" : "changed"];

    private static string LossChange(ChoiceComparison c)
    {
        var latestHasLoss = c.Latest.Loss is not null;
        return c.LossChangePercent switch
        {
            null => "",
            0d => "same",
            double.PositiveInfinity => latestHasLoss ? "infinitely worse" : "worse: nothing chosen",
            double.NegativeInfinity => "better",
            var change when change > 0 => $"{Percent(change.Value)} worse",
            var change => $"{Percent(-change.Value)} better",
        };
    }

    private static string Heading(string experiment, ChoiceComparison c) =>
        $"'{experiment}': run {c.Latest.RunId} (version {c.Latest.Version}{EndedText(c.Latest)}) against run {c.Baseline.RunId} (version {c.Baseline.Version}{EndedText(c.Baseline)})";

    private static string EndedText(RunChoice choice) => choice.Ended is { } ended ? $", ended {Commands.StoreFile.Time(ended)}" : ", still running";

    /// <summary>The gate's verdict in one sentence; null without --max-regression.</summary>
    public static string? Verdict(ChoiceComparison c, double? maxRegression)
    {
        if (maxRegression is not { } allowed)
        {
            return null;
        }

        var limit = Percent(allowed);
        return c.LossChangePercent switch
        {
            null => $"Nothing to gate: run {c.Baseline.RunId} chose no configuration, so --max-regression {limit} has no loss to measure against.",
            var change when c.IsRegression(allowed) => double.IsPositiveInfinity(change.Value)
                ? $"Regression: run {c.Latest.RunId} chose no configuration with a finite loss where run {c.Baseline.RunId} did; --max-regression {limit} fails."
                : $"Regression: the chosen configuration's loss is {Percent(change.Value)} worse than run {c.Baseline.RunId}'s, more than --max-regression {limit}.",
            _ => $"Within --max-regression {limit}.",
        };
    }

    private static void WriteText(string experiment, ChoiceComparison c, double? maxRegression, TextWriter output)
    {
        output.WriteLine($"Compared {Heading(experiment, c)}.");
        output.Write(TextTable.Format(["", $"run {c.Baseline.RunId}", $"run {c.Latest.RunId}", "change"], [.. Rows(c)]));
        if (!c.SameMetric)
        {
            output.WriteLine("The two runs score their choice by different metrics, so their losses measure different things.");
        }

        if (Verdict(c, maxRegression) is { } verdict)
        {
            output.WriteLine(verdict);
        }
    }

    private static void WriteMarkdown(string experiment, ChoiceComparison c, double? maxRegression, TextWriter output)
    {
        output.WriteLine($"## {Escape(experiment)}: what changed since run {c.Baseline.RunId}");
        output.WriteLine();
        output.WriteLine($"Compared {Escape(Heading(experiment, c))}.");
        output.WriteLine();
        output.WriteLine($"| | run {c.Baseline.RunId} | run {c.Latest.RunId} | change |");
        output.WriteLine("|---|---|---|---|");
        foreach (var row in Rows(c))
        {
            output.WriteLine($"| {string.Join(" | ", row.Select(Escape))} |");
        }

        if (Verdict(c, maxRegression) is { } verdict)
        {
            output.WriteLine();
            output.WriteLine(c.IsRegression(maxRegression!.Value) ? $"**{Escape(verdict)}**" : Escape(verdict));
        }
    }

    private static void WriteJson(string experiment, ChoiceComparison c, double? maxRegression, TextWriter output)
    {
        var change = c.LossChangePercent;
        var fields = new Dictionary<string, object?>
        {
            ["experiment"] = experiment,
            ["latest"] = Fields(c.Latest),
            ["baseline"] = Fields(c.Baseline),
            ["loss_change_percent"] = change is { } value && double.IsFinite(value) ? value : null,
            ["loss_worse"] = change > 0,
            ["changed"] = Rows(c).Where(r => r[3] is not ("same" or "")).Select(r => r[0]).ToList(),
            ["max_regression"] = maxRegression,
            ["regression"] = maxRegression is { } allowed && c.IsRegression(allowed),
        };
        output.WriteLine(JsonSerializer.Serialize(fields, Json));
    }

    private static Dictionary<string, object?> Fields(RunChoice choice) => new()
    {
        ["run_id"] = choice.RunId,
        ["version"] = choice.Version,
        ["ended"] = choice.Ended,
        ["trial_id"] = choice.TrialId,
        ["value_of"] = choice.ValueName,
        ["value"] = choice.Value,
        ["metric"] = choice.Metric,
        ["loss"] = choice.Loss,
        ["diagnosis"] = choice.Diagnosis,
        ["trials_run"] = choice.TrialsRun,
        ["parameters"] = choice.Parameters.ToDictionary(p => p.Path, p => p.Value.Number is { } number ? number : (object)p.Value.Text, StringComparer.Ordinal),
    };

    private static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "";

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
