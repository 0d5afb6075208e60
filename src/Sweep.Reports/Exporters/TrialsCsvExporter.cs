using System.Globalization;
using CsvHelper;
using Sweep.Reports.Columns;

namespace Sweep.Reports.Exporters;

/// <summary>
/// <c>trials.csv</c>: one row per trial with the fixed columns, then a column per other searched key under its dot
/// path (<see cref="TrialColumns"/>); an empty cell means no value.
/// </summary>
public sealed class TrialsCsvExporter : ExporterBase
{
    private static readonly string[] Columns =
    [
        "trial_id", "stage", "learning_rate", "weight_decay_l1", "weight_decay_l2", "batch", "status",
        "diagnosis", "epochs", "final_train_loss", "final_val_loss", "best_val_loss", "seconds",
    ];

    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    // Round-trip: a double read back from the file is the double that was written.
    private const string Exact = "R";

    protected override string FileName => "trials.csv";

    protected override void Write(SweepReport report, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        var searched = TrialColumns.Searched(report);
        csv.WriteHeader([.. Columns, .. searched.Select(c => c.Id)]);
        foreach (var trial in report.Trials)
        {
            csv.WriteField(trial.TrialId);
            csv.WriteField(trial.Stage);
            csv.WriteField(trial.LearningRate, Exact);
            csv.WriteField(trial.WeightDecayL1, Exact);
            csv.WriteField(trial.WeightDecayL2, Exact);
            csv.WriteField(trial.Batch);
            csv.WriteField(ReportText.Status(trial.Status));
            csv.WriteField(ReportText.Label(trial.Diagnosis));
            csv.WriteField(trial.EpochsRun);
            csv.WriteField(trial.FinalTrainLoss, Exact);
            csv.WriteField(trial.FinalValidationLoss, Exact);
            csv.WriteField(trial.BestValidationLoss, Exact);
            csv.WriteField(trial.Seconds, Exact);
            foreach (var column in searched)
            {
                csv.WriteField(column.Exact(trial));
            }

            csv.EndRecord();
        }
    }
}
