using System.Text.Json;
using Sweep.Reports.Columns;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Columns;

public sealed class FixedColumnsTests
{
    private static readonly TrialRow WithoutValidation = Some.Trials()[0];

    private static readonly TrialRow WithValidation = Some.Trials()[2];

    private static readonly TrialRow FailedWithoutEpochs = Some.Trials()[3];

    public static TheoryData<string> FixedIds() => [.. TrialColumns.Fixed.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(FixedIds))]
    public void Each_fixed_column_appears_in_trials_csv_report_json_summary_md_and_report_html_as_it_says(string id)
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report();
        var column = TrialColumns.Fixed.Single(c => c.Id == id);

        var csv = File.ReadAllLines(new TrialsCsvExporter().Export(report, directory.Path)[0])[0].Split(',');
        using var json = JsonDocument.Parse(File.ReadAllText(new JsonExporter().Export(report, directory.Path)[0]));
        var markdown = File.ReadAllText(new MarkdownSummaryExporter().Export(report, directory.Path)[0]);
        var html = File.ReadAllText(new HtmlReportExporter().Export(report, directory.Path)[0]);

        Assert.Equal(column.Outputs.HasFlag(TrialOutputs.Csv), csv.Contains(id));
        Assert.Equal(column.Outputs.HasFlag(TrialOutputs.Json), json.RootElement.GetProperty("trials")[0].TryGetProperty(id, out _));
        Assert.Equal(column.Outputs.HasFlag(TrialOutputs.Markdown), markdown.Contains($"| {column.Header} |", StringComparison.Ordinal));
        Assert.Equal(column.Outputs.HasFlag(TrialOutputs.Html), html.Contains($">{column.Header}</th>", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_keep_their_column_order_and_people_read_the_searched_keys_beside_the_configuration()
    {
        var report = SomeSweep.WithTrials([.. Some.Trials().Select(t => t with { Parameters = [.. t.Parameters, new("model.layers.0.units", "8")] })]);

        Assert.Equal(
            ["trial_id", "stage", "learning_rate", "weight_decay_l1", "weight_decay_l2", "batch", "status", "diagnosis", "epochs",
             "final_train_loss", "final_val_loss", "best_val_loss", "final_accuracy", "seconds", "model.layers.0.units"],
            TrialColumns.Of(report, TrialOutputs.Csv).Select(c => c.Id));
        Assert.Equal(
            ["trial_id", "stage", "learning_rate", "weight_decay_l1", "weight_decay_l2", "batch", "status", "diagnosis", "epochs",
             "final_train_loss", "final_val_loss", "best_val_loss", "final_accuracy", "seconds"],
            TrialColumns.Of(report, TrialOutputs.Json).Select(c => c.Id));
        Assert.Equal(
            ["Trial", "Stage", "Learning rate", "L1", "L2", "Batch", "model.layers.0.units", "Status", "Diagnosis", "Epochs", "Final loss", "Final accuracy", "Seconds"],
            TrialColumns.Of(report, TrialOutputs.Markdown).Select(c => c.Header));
        Assert.Equal(
            ["Trial", "Stage", "Learning rate", "L1", "L2", "Batch", "model.layers.0.units", "Status", "Diagnosis", "Epochs",
             "Final train loss", "Final val loss", "Best val loss", "Final accuracy", "Seconds"],
            TrialColumns.Of(report, TrialOutputs.Html).Select(c => c.Header));
    }

    [Fact]
    public void Tables_people_read_leave_out_the_accuracy_when_no_trial_has_one_and_files_keep_it()
    {
        var report = SomeSweep.WithTrials([.. Some.Trials().Select(t => t with { Epochs = [.. t.Epochs.Select(e => e with { Accuracy = null })] })]);

        Assert.DoesNotContain("Final accuracy", TrialColumns.Of(report, TrialOutputs.Markdown).Select(c => c.Header));
        Assert.DoesNotContain("Final accuracy", TrialColumns.Of(report, TrialOutputs.Html).Select(c => c.Header));
        Assert.Contains("final_accuracy", TrialColumns.Of(report, TrialOutputs.Csv).Select(c => c.Id));
    }

    [Fact]
    public void A_trial_without_validation_loss_has_empty_validation_cells_and_ranks_by_its_training_loss()
    {
        Assert.Equal("0.5", TrialColumns.FinalTrainLoss.Exact(WithoutValidation));
        Assert.Equal("", TrialColumns.FinalValidationLoss.Exact(WithoutValidation));
        Assert.Equal("", TrialColumns.FinalValidationLoss.Text(WithoutValidation));
        Assert.Equal("", TrialColumns.BestValidationLoss.Exact(WithoutValidation));
        Assert.Equal("0.5", TrialColumns.FinalLoss.Text(WithoutValidation));
        Assert.Equal("slow", TrialColumns.Diagnosis.Text(WithoutValidation));
    }

    [Fact]
    public void A_trial_with_validation_loss_is_exact_in_files_and_short_for_people()
    {
        Assert.Equal("0.0123", TrialColumns.FinalTrainLoss.Exact(WithValidation));
        Assert.Equal("0.0145", TrialColumns.FinalValidationLoss.Exact(WithValidation));
        Assert.Equal("0.0145", TrialColumns.FinalLoss.Exact(WithValidation));
        Assert.Equal("0.014", TrialColumns.BestValidationLoss.Text(WithValidation));
        Assert.Equal("12345.678", TrialColumns.Seconds.Exact(WithValidation));
        Assert.Equal("12345.68", TrialColumns.Seconds.Text(WithValidation));
        Assert.Equal("1E-05", TrialColumns.WeightDecayL1.Exact(WithValidation));
        Assert.Equal("2", TrialColumns.Stage.Text(WithValidation));
        Assert.Equal("full", TrialColumns.Batch.Exact(WithValidation));
    }

    [Fact]
    public void A_rate_that_is_not_a_short_decimal_round_trips_in_files_and_reads_short()
    {
        var trial = Some.Trials()[1];

        Assert.Equal(Some.NotShortDecimal, double.Parse(TrialColumns.LearningRate.Exact(trial), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.3", TrialColumns.LearningRate.Text(trial));
        Assert.Equal("4.2E+21", TrialColumns.FinalValidationLoss.Text(trial));
    }

    [Fact]
    public void Status_and_diagnosis_name_their_style_and_a_missing_diagnosis_is_none()
    {
        Assert.Equal("status-failed", TrialColumns.Status.Style(FailedWithoutEpochs));
        Assert.Equal("label-none", TrialColumns.Diagnosis.Style(FailedWithoutEpochs));
        Assert.Equal("", TrialColumns.Diagnosis.Exact(FailedWithoutEpochs));
        Assert.Null(TrialColumns.Seconds.Style(FailedWithoutEpochs));
    }

    [Fact]
    public void The_cells_are_the_same_in_every_culture()
    {
        using var culture = new CultureScope("de-DE");

        Assert.Equal("12345.678", TrialColumns.Seconds.Exact(WithValidation));
        Assert.Equal("0.0145", TrialColumns.FinalLoss.Text(WithValidation));
    }
}
