using System.Globalization;
using CsvHelper;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Exporters;

public sealed class CsvExporterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void Trials_csv_is_the_approved_file_in_any_culture(string culture)
    {
        using var scope = new CultureScope(culture);
        using var directory = new TemporaryDirectory();

        var written = new TrialsCsvExporter().Export(Some.Report(), directory.Path);

        Assert.Equal([Path.Combine(directory.Path, "trials.csv")], written);
        Approved.AssertFile("trials.csv", written[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void Epochs_csv_is_the_approved_file_in_any_culture(string culture)
    {
        using var scope = new CultureScope(culture);
        using var directory = new TemporaryDirectory();

        var written = new EpochsCsvExporter().Export(Some.Report(), directory.Path);

        Assert.Equal([Path.Combine(directory.Path, "epochs.csv")], written);
        Approved.AssertFile("epochs.csv", written[0]);
    }

    [Fact]
    public void The_csv_files_list_every_trial_of_a_sweep_larger_than_the_report_shows()
    {
        using var directory = new TemporaryDirectory();
        var report = SomeSweep.Large(1_500, 4);

        var trials = new TrialsCsvExporter().Export(report, directory.Path)[0];
        var epochs = new EpochsCsvExporter().Export(report, directory.Path)[0];

        Assert.Equal(SweepReport.ShownTrials, report.Trials.Length);
        Assert.Equal(1_500 + 1, File.ReadAllLines(trials).Length);
        var epochRows = File.ReadAllLines(epochs).Skip(1).ToList();
        Assert.Equal(1_500, epochRows.Select(r => r.Split(',')[0]).Distinct().Count());
        Assert.Equal(report.Source!.Read().Sum(t => t.Epochs.Length), epochRows.Count);
    }

    [Fact]
    public void Epochs_csv_of_a_large_sweep_reads_its_trials_once_and_takes_its_metric_columns_from_the_source()
    {
        using var directory = new TemporaryDirectory();
        var source = new SomeSweep.GeneratedTrials(1_500, 2) { Metrics = ["top5", "bleu", "train_loss"] };
        var report = SomeSweep.Large(1_500, 2) with { Source = source };

        var epochs = new EpochsCsvExporter().Export(report, directory.Path)[0];

        Assert.Equal(1, source.Reads);
        Assert.Equal(
            "trial_id,epoch,train_loss,val_loss,accuracy,learning_rate,weight_norm,grad_norm,seconds,bleu,top5",
            File.ReadLines(epochs).First());
        Assert.Equal(1_500 * 2 + 1, File.ReadAllLines(epochs).Length);
    }

    [Fact]
    public void The_german_culture_really_writes_decimal_commas_so_the_culture_tests_can_fail()
    {
        using var scope = new CultureScope("de-DE");

        Assert.Equal("12.345,678", 12345.678.ToString("N3", CultureInfo.CurrentCulture));
    }

    [Fact]
    public void Trials_csv_has_the_fixed_columns_in_order()
    {
        using var directory = new TemporaryDirectory();

        var path = new TrialsCsvExporter().Export(Some.Report(), directory.Path)[0];

        Assert.Equal(
            "trial_id,stage,learning_rate,weight_decay_l1,weight_decay_l2,batch,status,diagnosis,epochs,final_train_loss,final_val_loss,best_val_loss,final_accuracy,seconds",
            File.ReadLines(path).First());
    }

    [Fact]
    public void Epochs_csv_has_the_fixed_columns_in_order()
    {
        using var directory = new TemporaryDirectory();

        var path = new EpochsCsvExporter().Export(Some.Report(), directory.Path)[0];

        Assert.Equal("trial_id,epoch,train_loss,val_loss,accuracy,learning_rate,weight_norm,grad_norm,seconds", File.ReadLines(path).First());
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void A_rate_of_one_tenth_plus_two_tenths_reads_back_as_the_same_double(string culture)
    {
        using var scope = new CultureScope(culture);
        using var directory = new TemporaryDirectory();

        var rows = Read(new TrialsCsvExporter().Export(Some.Report(), directory.Path)[0]);

        var text = rows.Single(r => r["trial_id"] == "s1-t002")["learning_rate"];
        Assert.Equal("0.30000000000000004", text);
        Assert.Equal(Some.NotShortDecimal, double.Parse(text, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Missing_values_are_empty_cells_and_words_are_lower_case()
    {
        using var directory = new TemporaryDirectory();

        var failed = Read(new TrialsCsvExporter().Export(Some.Report(), directory.Path)[0]).Single(r => r["trial_id"] == "s2-t004");

        Assert.Equal(("failed", "", "0", "", "", ""), (failed["status"], failed["diagnosis"], failed["epochs"], failed["final_train_loss"], failed["final_val_loss"], failed["best_val_loss"]));
    }

    [Fact]
    public void Epochs_without_a_validation_set_have_empty_validation_cells()
    {
        using var directory = new TemporaryDirectory();

        var rows = Read(new EpochsCsvExporter().Export(Some.Report(), directory.Path)[0]);

        var first = rows.Where(r => r["trial_id"] == "s1-t001").ToList();
        Assert.Equal(3, first.Count);
        Assert.All(first, r => Assert.Equal(("", ""), (r["val_loss"], r["accuracy"])));
        Assert.Equal(7, rows.Count);
    }

    [Fact]
    public void Further_metrics_of_a_training_program_follow_the_fixed_columns_and_missing_norms_are_empty()
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report();
        var first = report.Trials[0];
        var extra = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("top5", 0.75), KeyValuePair.Create("bleu", 12.5)]);
        var programEpoch = first.Epochs[0] with { WeightNorm = double.NaN, GradientNorm = double.NaN, Extra = extra };
        var withMetrics = report with { Trials = report.Trials.SetItem(0, first with { Epochs = first.Epochs.SetItem(0, programEpoch) }) };

        var path = new EpochsCsvExporter().Export(withMetrics, directory.Path)[0];

        Assert.EndsWith(",grad_norm,seconds,bleu,top5", File.ReadLines(path).First(), StringComparison.Ordinal);
        var rows = Read(path);
        Assert.Equal(("0.75", "12.5", "", ""), (rows[0]["top5"], rows[0]["bleu"], rows[0]["weight_norm"], rows[0]["grad_norm"]));
        Assert.Equal(("", ""), (rows[1]["top5"], rows[1]["bleu"]));
    }

    private static List<Dictionary<string, string>> Read(string path)
    {
        using var csv = CsvReader.FromText(File.ReadAllText(path));
        var rows = new List<Dictionary<string, string>>();
        csv.ReadHeader();
        var headers = csv.Headers;
        while (csv.Read())
        {
            rows.Add(headers.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => csv.GetString(c.i)));
        }
        return rows;
    }
}
