using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// What a stored sweep says is read from the store alone, the same from any folder and after the data moved, and
/// every output names the same choice: `sweep best` (text and JSON), report.json, summary.md and the run's
/// closing line.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class StoredSweepTests : IDisposable
{
    private static readonly string[] Formats = ["text", "json"];

    private static readonly string[] ReportFiles = ["report.json", "summary.md"];

    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Best_and_report_print_the_same_in_place_from_another_folder_and_after_the_data_moved()
    {
        var experiments = Directory.CreateDirectory(Path.Combine(folder.Root, "experiments")).FullName;
        File.WriteAllText(Path.Combine(experiments, "y3x.csv"), "x,y\n1,3\n2,6\n3,9\n4,12\n");
        File.WriteAllText(Path.Combine(experiments, "c2f.yaml"), """
            name: csv-c2f
            data:
              csv: {path: y3x.csv, target: y}
            model:
              layers: [{units: 1}]
              init: zeros
            training: {epochs: 60, batch: full, learning_rate: 0.01}
            search:
              strategy: coarse-to-fine
              max: 1
              budget: 12
            """);
        var elsewhere = Directory.CreateDirectory(Path.Combine(folder.Root, "elsewhere")).FullName;
        Assert.Equal(0, await Exit(folder.Root, "run", Path.Combine("experiments", "c2f.yaml"), "--db", "sweep.db", "--out", "out", "--quiet"));

        var inPlace = await Stored(folder.Root, "sweep.db");
        var fromElsewhere = await Stored(elsewhere, Path.Combine("..", "sweep.db"));
        File.Move(Path.Combine(experiments, "y3x.csv"), Path.Combine(elsewhere, "y3x.csv"));
        var afterTheMove = await Stored(folder.Root, "sweep.db");

        var text = inPlace[..inPlace.IndexOf("----", StringComparison.Ordinal)];
        Assert.Contains("Stage 1 (coarse)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a finer search should look there next", text, StringComparison.Ordinal);
        Assert.Equal(inPlace, fromElsewhere);
        Assert.Equal(inPlace, afterTheMove);
    }

    [Fact]
    public void A_coarse_to_fine_search_with_two_repeats_names_one_choice_everywhere()
    {
        var file = folder.Write("y3x.yaml", Experiments.LinearCoarseToFine(budget: 12).Replace("search:\n", "search:\n  repeats: 2\n", StringComparison.Ordinal));

        AssertOneChoice(folder.Run(file, "--log-format", "json"), "y3x-c2f");
        var story = folder.Command("best", "--experiment", "y3x-c2f").Output;
        var coarse = folder.Query<(string Diagnosis, double LearningRate)>("SELECT diagnosis AS Diagnosis, learning_rate AS LearningRate FROM trials WHERE stage = 1 AND repeat = 0");
        Assert.Equal(5, coarse.Count);
        foreach (var (diagnosis, rate) in coarse)
        {
            // The story tells each value with its first repeat's stored label: one label per trial.
            Assert.Contains($" {rate.ToString("R", CultureInfo.InvariantCulture)} {diagnosis} (", story, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_stored_label_stops_best_with_an_error_that_names_the_trial()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);
        var trialId = folder.Scalar<string>("SELECT id FROM trials WHERE learning_rate = 0.01");
        using (var connection = new SqliteConnection($"Data Source={folder.DbPath};Pooling=False"))
        {
            // A label written by hand, or by a later Sweep that knows more labels.
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = $"UPDATE trials SET diagnosis = 'fine' WHERE id = '{trialId}'";
            update.ExecuteNonQuery();
        }

        var best = folder.Command("best", "--experiment", "y3x");

        Assert.Equal(3, best.ExitCode);
        Assert.Contains($"Trial {trialId} has the diagnosis 'fine'", best.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_names_one_choice_everywhere()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.01, 0.05, 1"));

        AssertOneChoice(folder.Run(file, "--log-format", "json"), "y3x");
    }

    [Fact]
    public void A_range_test_names_one_choice_everywhere()
    {
        var file = folder.Write("find.yaml", Experiments.LinearRangeTest());

        AssertOneChoice(folder.Run(file, "--log-format", "json"), "find");
    }

    [Fact]
    public void A_units_search_names_its_units_in_best_the_reports_and_the_run_table()
    {
        var file = folder.Write("units.yaml", """
            name: units
            data:
              inline: {x: [[0], [1], [2], [3]], y: [[0], [1], [4], [9]]}
            model:
              layers: [{units: 4, activation: tanh}, {units: 1}]
            training: {epochs: 30, batch: full, learning_rate: 0.01}
            search:
              parameters:
                model.layers.0.units: [2, 8]
            """);

        var run = folder.Run(file);
        var best = JsonDocument.Parse(folder.Command("best", "--experiment", "units", "--format", "json").Output).RootElement;
        var text = folder.Command("best", "--experiment", "units").Output;

        var units = best.GetProperty("parameters").GetProperty("model.layers.0.units").GetDouble();
        Assert.True(units is 2 or 8, $"units {units}");
        Assert.Contains($"model.layers.0.units {units}", text, StringComparison.Ordinal);
        Assert.Contains("model.layers.0.units", run.Output, StringComparison.Ordinal);
        Assert.StartsWith(
            "trial_id,stage,learning_rate,weight_decay_l1,weight_decay_l2,batch,status,diagnosis,epochs,final_train_loss,final_val_loss,best_val_loss,final_accuracy,seconds,model.layers.0.units\n",
            File.ReadAllText(Path.Combine(folder.OutPath, "trials.csv")),
            StringComparison.Ordinal);
        Assert.Contains("| model.layers.0.units |", File.ReadAllText(Path.Combine(folder.OutPath, "summary.md")), StringComparison.Ordinal);
        Assert.Contains("<th data-type=\"number\">model.layers.0.units</th>", File.ReadAllText(Path.Combine(folder.OutPath, "report.html")), StringComparison.Ordinal);
    }

    /// <summary>`sweep best --format json`, report.json, summary.md and the run's JSON closing line name the same trial and rate.</summary>
    private void AssertOneChoice(CliRun run, string name)
    {
        Assert.Equal(0, run.ExitCode);
        var best = JsonDocument.Parse(folder.Command("best", "--experiment", name, "--format", "json").Output).RootElement;
        var trialId = best.GetProperty("trial_id").GetString()!;
        var rate = best.GetProperty("learning_rate").GetDouble();
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.OutPath, "report.json"))).RootElement;
        var closing = JsonDocument.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith("{\"experiment\"", StringComparison.Ordinal))).RootElement.GetProperty("best");

        Assert.Equal(trialId, report.GetProperty("best_trial_id").GetString());
        Assert.Equal(rate, report.GetProperty("chosen_learning_rate").GetDouble());
        Assert.Equal(trialId, closing.GetProperty("trial_id").GetString());
        Assert.Equal(rate, closing.GetProperty("learning_rate").GetDouble());
        Assert.Equal(best.GetProperty("value").GetDouble(), closing.GetProperty("value").GetDouble());
        Assert.Contains($"`{trialId}`", File.ReadAllText(Path.Combine(folder.OutPath, "summary.md")), StringComparison.Ordinal);
    }

    /// <summary>`sweep best` (text and JSON) and `sweep report`'s JSON and Markdown, run in <paramref name="directory"/>, without the generation time.</summary>
    private async Task<string> Stored(string directory, string store)
    {
        var outputs = new List<string>();
        foreach (var format in Formats)
        {
            using var best = SweepProcess.StartIn(directory, "best", "--experiment", "csv-c2f", "--db", store, "--format", format);
            Assert.Equal(0, await best.ExitCodeAsync());
            outputs.Add(string.Join('\n', best.Lines));
        }

        var reports = Path.Combine(folder.Root, "reports");
        using var report = SweepProcess.StartIn(directory, "report", "--experiment", "csv-c2f", "--db", store, "--out", reports, "--format", "json,md");
        Assert.Equal(0, await report.ExitCodeAsync());
        outputs.AddRange(ReportFiles.Select(f => string.Join('\n', File.ReadLines(Path.Combine(reports, f))
            .Where(l => !l.Contains("generated", StringComparison.Ordinal)))));
        return string.Join("\n----\n", outputs);
    }

    private static async Task<int> Exit(string directory, params string[] args)
    {
        using var process = SweepProcess.StartIn(directory, args);
        return await process.ExitCodeAsync(TimeSpan.FromMinutes(2));
    }
}
