using System.Collections.Immutable;
using System.Globalization;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Columns;

/// <summary>
/// Every column of the reports' tables of trials, defined here once: the fixed ones, then one per searched key,
/// whatever its path. An exporter asks for its output's columns and renders them in order, so a new column or a
/// new parameter appears in every table without touching an exporter.
/// </summary>
public static class TrialColumns
{
    public static readonly TrialColumn TrialId = new("trial_id", "Trial", false, TrialOutputs.All, t => t.TrialId, t => t.TrialId);

    public static readonly TrialColumn Stage = new("stage", "Stage", true, TrialOutputs.All, Integer(t => t.Stage), Integer(t => t.Stage));

    public static readonly TrialColumn LearningRate = new("learning_rate", "Learning rate", true, TrialOutputs.All, Exact(t => t.LearningRate), t => ReportText.Rate(t.LearningRate));

    public static readonly TrialColumn WeightDecayL1 = new("weight_decay_l1", "L1", true, TrialOutputs.All, Exact(t => t.WeightDecayL1), Short(t => t.WeightDecayL1));

    public static readonly TrialColumn WeightDecayL2 = new("weight_decay_l2", "L2", true, TrialOutputs.All, Exact(t => t.WeightDecayL2), Short(t => t.WeightDecayL2));

    public static readonly TrialColumn Batch = new("batch", "Batch", false, TrialOutputs.All, t => t.Batch, t => t.Batch);

    public static readonly TrialColumn Status = new("status", "Status", false, TrialOutputs.All, t => ReportText.Status(t.Status), t => ReportText.Status(t.Status))
    {
        StylePrefix = "status",
    };

    public static readonly TrialColumn Diagnosis = new("diagnosis", "Diagnosis", false, TrialOutputs.All, t => ReportText.Label(t.Diagnosis), t => ReportText.Label(t.Diagnosis))
    {
        StylePrefix = "label",
    };

    public static readonly TrialColumn Epochs = new("epochs", "Epochs", true, TrialOutputs.All, Integer(t => t.EpochsRun), Integer(t => t.EpochsRun));

    public static readonly TrialColumn FinalTrainLoss = new("final_train_loss", "Final train loss", true, TrialOutputs.Files | TrialOutputs.Html, Exact(t => t.FinalTrainLoss), Short(t => t.FinalTrainLoss));

    public static readonly TrialColumn FinalValidationLoss = new("final_val_loss", "Final val loss", true, TrialOutputs.Files | TrialOutputs.Html, Exact(t => t.FinalValidationLoss), Short(t => t.FinalValidationLoss));

    public static readonly TrialColumn BestValidationLoss = new("best_val_loss", "Best val loss", true, TrialOutputs.Files | TrialOutputs.Html, Exact(t => t.BestValidationLoss), Short(t => t.BestValidationLoss));

    public static readonly TrialColumn FinalAccuracy = new("final_accuracy", "Final accuracy", true, TrialOutputs.All, Exact(t => t.FinalAccuracy), Short(t => t.FinalAccuracy));

    // The short summary shows the one loss that ranks (validation, else training) instead of the three above.
    public static readonly TrialColumn FinalLoss = new("final_loss", "Final loss", true, TrialOutputs.Markdown, Exact(t => t.FinalLoss), Short(t => t.FinalLoss));

    public static readonly TrialColumn Seconds = new("seconds", "Seconds", true, TrialOutputs.All, Exact(t => t.Seconds), t => ReportText.Seconds(t.Seconds));

    /// <summary>The fixed columns in order, each shown only in the outputs it names.</summary>
    public static readonly ImmutableArray<TrialColumn> Fixed =
    [
        TrialId, Stage, LearningRate, WeightDecayL1, WeightDecayL2, Batch, Status, Diagnosis, Epochs,
        FinalTrainLoss, FinalValidationLoss, BestValidationLoss, FinalLoss, FinalAccuracy, Seconds,
    ];

    // Searched keys the fixed columns already show are not repeated.
    private static readonly ImmutableHashSet<string> FixedPaths = ImmutableHashSet.Create(
        StringComparer.Ordinal, "training.learning_rate", "training.weight_decay.l1", "training.weight_decay.l2", "training.batch");

    /// <summary>
    /// The columns of one output's table in order. People read the searched keys beside the configuration (after
    /// the batch); a file keeps its fixed columns first, so a new key only ever adds columns at the end.
    /// </summary>
    public static ImmutableArray<ITrialColumn> Of(SweepReport report, TrialOutputs output)
    {
        var searched = Searched(report);
        var shown = (TrialOutputs.People & output) != 0
            ? [.. Fixed.TakeWhile(c => c != Batch), Batch, .. searched, .. Fixed.SkipWhile(c => c != Batch).Skip(1)]
            : (IEnumerable<ITrialColumn>)[.. Fixed, .. searched];
        // A table people read leaves out an accuracy column no trial fills (a regression); files keep their columns.
        var accuracy = (output & TrialOutputs.People) == 0 || report.Trials.Any(t => t.FinalAccuracy is not null);
        return [.. shown.Where(c => (c.Outputs & output) != 0 && (accuracy || c != FinalAccuracy))];
    }

    /// <summary>A column per searched key of the report that no fixed column shows, in the experiment's order.</summary>
    public static ImmutableArray<ITrialColumn> Searched(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var paths = report.Parameters.IsEmpty
            ? report.Trials.SelectMany(t => t.Parameters.Select(p => p.Path)).Distinct(StringComparer.Ordinal)
            : report.Parameters;
        return [.. paths
            .Where(path => !FixedPaths.Contains(path))
            .Select(path => (ITrialColumn)new ParameterColumn(path, report.Trials.All(t => t.ValueOf(path) is var text && (text.Length == 0 || IsNumber(text)))))];
    }

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static Func<TrialRow, string> Integer(Func<TrialRow, int> value) => t => ReportText.Integer(value(t));

    // Round-trip: a double read back from the text is the double that was written; no value is the empty string.
    private static Func<TrialRow, string> Exact(Func<TrialRow, double?> value) => t => value(t) is { } v ? ReportText.Exact(v) : string.Empty;

    private static Func<TrialRow, string> Short(Func<TrialRow, double?> value) => t => ReportText.Short(value(t));
}
