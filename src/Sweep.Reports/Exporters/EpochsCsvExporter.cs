using System.Globalization;
using CsvHelper;

namespace Sweep.Reports.Exporters;

/// <summary><c>epochs.csv</c>: long format, one row per trial and epoch; an empty cell means no value.</summary>
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
        csv.WriteHeader(Columns);
        foreach (var trial in report.Trials)
        {
            foreach (var epoch in trial.Epochs)
            {
                csv.WriteField(trial.TrialId);
                csv.WriteField(epoch.Epoch);
                csv.WriteField(epoch.TrainLoss, Exact);
                csv.WriteField(epoch.ValidationLoss, Exact);
                csv.WriteField(epoch.Accuracy, Exact);
                csv.WriteField(epoch.LearningRate, Exact);
                csv.WriteField(epoch.WeightNorm, Exact);
                csv.WriteField(epoch.GradientNorm, Exact);
                csv.WriteField(epoch.Seconds, Exact);
                csv.EndRecord();
            }
        }
    }
}
