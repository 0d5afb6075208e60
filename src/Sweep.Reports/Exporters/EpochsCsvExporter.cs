using System.Globalization;
using CsvHelper;

namespace Sweep.Reports.Exporters;

/// <summary>
/// <c>epochs.csv</c>: long format, one row per trial and epoch of every trial of the sweep; an empty cell means no value. The further
/// metrics a training program reported follow the fixed columns, one column per name in name order.
/// </summary>
public sealed class EpochsCsvExporter : ExporterBase
{
    private static readonly string[] Columns =
    [
        "trial_id", "epoch", "train_loss", "val_loss", "accuracy", "learning_rate", "weight_norm", "grad_norm", "seconds",
    ];

    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    // Round-trip: a double read back from the file is the double that was written.
    private const string Exact = "R";

    protected override string FileName => "epochs.csv";

    protected override void Write(SweepReport report, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        var extra = report.MetricNames().Where(name => !Columns.Contains(name, StringComparer.Ordinal)).ToList();
        csv.WriteHeader([.. Columns, .. extra]);
        foreach (var trial in report.AllTrials())
        {
            foreach (var epoch in trial.Epochs)
            {
                csv.WriteField(trial.TrialId);
                csv.WriteField(epoch.Epoch);
                csv.WriteField(epoch.TrainLoss, Exact);
                csv.WriteField(epoch.ValidationLoss, Exact);
                csv.WriteField(epoch.Accuracy, Exact);
                csv.WriteField(epoch.LearningRate, Exact);
                // A training program that reports no norms leaves them NaN: no value.
                csv.WriteField(double.IsNaN(epoch.WeightNorm) ? null : (double?)epoch.WeightNorm, Exact);
                csv.WriteField(double.IsNaN(epoch.GradientNorm) ? null : (double?)epoch.GradientNorm, Exact);
                csv.WriteField(epoch.Seconds, Exact);
                foreach (var name in extra)
                {
                    csv.WriteField(epoch.Extra is { } values && values.TryGetValue(name, out var value) ? value : (double?)null, Exact);
                }

                csv.EndRecord();
            }
        }
    }
}
