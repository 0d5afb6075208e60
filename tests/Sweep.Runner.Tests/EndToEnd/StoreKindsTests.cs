using System.Text.Json;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>Every command that reads or writes a store works the same on each kind of store.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class StoreKindsTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Run_list_show_best_report_compare_and_lr_find_work_on_the_store(string kind)
    {
        using var store = TestStores.Create(kind, folder);
        var file = folder.Write("y3x.yaml", Experiments.Linear("y3x", "0.001, 0.01, 0.1, 1", epochs: 50));

        var run = CliRun.Of(["run", file, "--db", store.Location, "--out", folder.OutPath]);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(4, store.Scalar<int>("SELECT COUNT(*) FROM trials"));

        var list = CliRun.Of(["list", "--db", store.Location]);
        Assert.True(list.ExitCode == 0, list.All);
        Assert.Contains("y3x", list.Output, StringComparison.Ordinal);

        var show = CliRun.Of(["show", "y3x", "--db", store.Location]);
        Assert.True(show.ExitCode == 0, show.All);
        var trialId = store.Scalar<string>("SELECT id FROM trials WHERE learning_rate = 0.01");
        var trial = CliRun.Of(["show", trialId[..6], "--db", store.Location]);
        Assert.True(trial.ExitCode == 0, trial.All);
        Assert.Contains(trialId, trial.Output, StringComparison.Ordinal);

        var best = CliRun.Of(["best", "--experiment", "y3x", "--db", store.Location, "--format", "json"]);
        Assert.True(best.ExitCode == 0, best.All);
        using (var json = JsonDocument.Parse(best.Output))
        {
            Assert.Equal(4, json.RootElement.GetProperty("trials_run").GetInt32());
        }

        var reports = Path.Combine(folder.Root, "reports");
        var report = CliRun.Of(["report", "--experiment", "y3x", "--db", store.Location, "--out", reports]);
        Assert.True(report.ExitCode == 0, report.All);
        Assert.Equal(5, File.ReadLines(Path.Combine(reports, "trials.csv")).Count());
        Assert.Equal(
            File.ReadAllText(Path.Combine(folder.OutPath, "trials.csv")),
            File.ReadAllText(Path.Combine(reports, "trials.csv")));

        folder.Write("y3x.yaml", Experiments.Linear("y3x", "0.0001", epochs: 50));
        Assert.Equal(0, CliRun.Of(["run", file, "--db", store.Location, "--out", folder.OutPath, "--quiet"]).ExitCode);
        var compare = CliRun.Of(["compare", "y3x", "--db", store.Location, "--format", "json", "--max-regression", "5"]);
        Assert.True(compare.ExitCode == ExitCodes.Regression, compare.All);
        using (var json = JsonDocument.Parse(compare.Output))
        {
            Assert.Equal((1, 2), (json.RootElement.GetProperty("baseline").GetProperty("version").GetInt32(), json.RootElement.GetProperty("latest").GetProperty("version").GetInt32()));
            Assert.True(json.RootElement.GetProperty("regression").GetBoolean());
        }

        folder.Write("y3x.yaml", Experiments.Linear("y3x", "0.001, 0.01, 0.1, 1", epochs: 50));
        var find = CliRun.Of(["lr-find", file, "--db", store.Location, "--steps", "40"]);
        Assert.True(find.ExitCode == 0, find.All);
        Assert.InRange(store.Scalar<int>("SELECT COUNT(*) FROM range_tests"), 10, 40);
    }

    [Fact]
    public async Task SWEEP_DB_is_the_default_store_of_every_command()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear("y3x", "0.01", epochs: 10));
        var elsewhere = new Dictionary<string, string> { ["SWEEP_DB"] = Path.Combine(folder.Root, "elsewhere.db") };

        using (var run = SweepProcess.StartIn(folder.Root, elsewhere, "run", file, "--out", folder.OutPath))
        {
            Assert.True(await run.ExitCodeAsync() == 0, run.Error);
        }

        using var list = SweepProcess.StartIn(folder.Root, elsewhere, "list");
        Assert.True(await list.ExitCodeAsync() == 0, list.Error);
        Assert.True(File.Exists(elsewhere["SWEEP_DB"]));
        Assert.False(File.Exists(Path.Combine(folder.Root, "sweep.db")));
        Assert.Contains(list.Lines, l => l.Contains("y3x", StringComparison.Ordinal));
    }
}
