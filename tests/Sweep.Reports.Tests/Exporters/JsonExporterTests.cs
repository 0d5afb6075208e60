using System.Globalization;
using System.Text.Json;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Exporters;

public sealed class JsonExporterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void Report_json_is_the_approved_file_in_any_culture(string culture)
    {
        using var scope = new CultureScope(culture);
        using var directory = new TemporaryDirectory();

        var written = new JsonExporter().Export(Some.Report(), directory.Path);

        Assert.Equal([Path.Combine(directory.Path, "report.json")], written);
        Approved.AssertFile("report.json", written[0]);
    }

    [Fact]
    public void Numbers_read_back_exactly_and_missing_values_are_null()
    {
        using var directory = new TemporaryDirectory();

        using var json = JsonDocument.Parse(File.ReadAllBytes(new JsonExporter().Export(Some.Report(), directory.Path)[0]));

        var trials = json.RootElement.GetProperty("trials");
        Assert.Equal(4, trials.GetArrayLength());
        Assert.Equal(Some.NotShortDecimal, trials[1].GetProperty("learning_rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, trials[3].GetProperty("diagnosis").ValueKind);
        Assert.Equal(JsonValueKind.Null, trials[0].GetProperty("epoch_records")[0].GetProperty("val_loss").ValueKind);
        Assert.Equal(("failed", "good"), (trials[3].GetProperty("status").GetString(), trials[2].GetProperty("diagnosis").GetString()));
    }

    [Fact]
    public void Report_json_holds_every_trial_of_a_sweep_larger_than_the_report_shows_with_its_epochs()
    {
        using var directory = new TemporaryDirectory();
        var report = SomeSweep.Large(1_200, 3);

        var written = new JsonExporter().Export(report, directory.Path)[0];

        using var json = JsonDocument.Parse(File.ReadAllText(written));
        var trials = json.RootElement.GetProperty("trials");
        Assert.Equal(1_200, trials.GetArrayLength());
        Assert.Equal(
            report.Source!.Read().Select(t => (t.TrialId, t.Epochs.Length)),
            trials.EnumerateArray().Select(t => (t.GetProperty("trial_id").GetString()!, t.GetProperty("epoch_records").GetArrayLength())));
    }

    [Fact]
    public void Without_a_bracket_the_bracket_is_null()
    {
        using var directory = new TemporaryDirectory();

        using var json = JsonDocument.Parse(File.ReadAllBytes(new JsonExporter().Export(Some.Report() with { Bracket = null }, directory.Path)[0]));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("bracket").ValueKind);
    }

    [Fact]
    public void Non_finite_losses_are_the_named_literals_System_Text_Json_reads()
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report() with { Trials = [Some.Trials()[1] with { FinalTrainLoss = double.NaN, FinalValidationLoss = double.PositiveInfinity }] };

        using var json = JsonDocument.Parse(File.ReadAllBytes(new JsonExporter().Export(report, directory.Path)[0]));

        var trial = json.RootElement.GetProperty("trials")[0];
        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        Assert.True(double.IsNaN(trial.GetProperty("final_train_loss").Deserialize<double>(options)));
        Assert.Equal(double.PositiveInfinity, trial.GetProperty("final_val_loss").Deserialize<double>(options));
        Assert.Equal("Infinity", trial.GetProperty("final_val_loss").GetString(), StringComparer.Ordinal);
        Assert.Equal("0.6", trial.GetProperty("best_val_loss").GetDouble().ToString(CultureInfo.InvariantCulture));
    }
}
