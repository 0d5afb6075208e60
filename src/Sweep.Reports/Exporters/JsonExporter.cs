using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Sweep.Reports.Columns;

namespace Sweep.Reports.Exporters;

/// <summary>
/// <c>report.json</c> for machines: the whole report with the CSV files' names and words, every trial of the
/// sweep with its epochs, however many the page shows. Numbers are
/// round-trip; a NaN or infinite loss is the string <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c>, as
/// System.Text.Json reads them with named floating-point literals; a missing value is <c>null</c>.
/// </summary>
public sealed class JsonExporter : ExporterBase
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Letters such as × stay readable; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    protected override string FileName => "report.json";

    protected override void Write(SweepReport report, TextWriter writer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("experiment", report.ExperimentName);
            json.WriteString("description", report.Description);
            json.WriteString("version", report.Version);
            json.WriteString("strategy", report.Strategy);
            json.WriteString("generated_at", ReportText.Time(report.GeneratedAt));
            json.WriteString("best_trial_id", report.BestTrialId);
            Number(json, "chosen_learning_rate", report.ChosenLearningRate);
            if (report.Bracket is { } bracket)
            {
                json.WriteStartObject("bracket");
                Number(json, "low", bracket.Low);
                Number(json, "high", bracket.High);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("bracket");
            }
            Strings(json, "story", report.Story);
            var columns = TrialColumns.Of(report, TrialOutputs.Json);
            json.WriteStartArray("trials");
            foreach (var trial in report.AllTrials())
            {
                Trial(json, columns, trial);
                // A trial at a time into the file: a large sweep's JSON never sits whole in memory.
                json.Flush();
                writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                buffer.ResetWrittenCount();
            }
            json.WriteEndArray();
            json.WriteStartArray("range_test");
            foreach (var step in report.RangeTest)
            {
                json.WriteStartObject();
                Number(json, "learning_rate", step.LearningRate);
                Number(json, "loss", step.Loss);
                Number(json, "smoothed_loss", step.SmoothedLoss);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.WriteLine();
    }

    private static void Trial(Utf8JsonWriter json, ImmutableArray<ITrialColumn> columns, TrialRow trial)
    {
        json.WriteStartObject();
        foreach (var column in columns)
        {
            Cell(json, column, trial);
        }

        json.WriteStartObject("parameters");
        foreach (var parameter in trial.Parameters)
        {
            json.WriteString(parameter.Path, parameter.Text);
        }
        json.WriteEndObject();
        json.WriteStartArray("epoch_records");
        foreach (var epoch in trial.Epochs)
        {
            json.WriteStartObject();
            json.WriteNumber("epoch", epoch.Epoch);
            Number(json, "train_loss", epoch.TrainLoss);
            Number(json, "val_loss", epoch.ValidationLoss);
            Number(json, "accuracy", epoch.Accuracy);
            Number(json, "learning_rate", epoch.LearningRate);
            Number(json, "weight_norm", epoch.WeightNorm);
            Number(json, "grad_norm", epoch.GradientNorm);
            Number(json, "seconds", epoch.Seconds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // A column's exact text is round-trip, so a number parsed back from it is the trial's number; no value is null.
    private static void Cell(Utf8JsonWriter json, ITrialColumn column, TrialRow trial)
    {
        var exact = column.Exact(trial);
        if (exact.Length == 0)
        {
            json.WriteNull(column.Id);
        }
        // A searched key is numeric when every shown trial's value is; a trial not shown may still hold text.
        else if (column.IsNumeric && double.TryParse(exact, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            Number(json, column.Id, number);
        }
        else
        {
            json.WriteString(column.Id, exact);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case { } finite when double.IsFinite(finite):
                json.WriteNumber(name, finite);
                break;
            case { } other:
                json.WriteString(name, ReportText.Exact(other));
                break;
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
