using System.Text.Json;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>`sweep lr-find --db` while a `sweep run` process writes the same store: both finish, and neither loses the other's rows.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class LrFindBesideRunTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Lr_find_stores_its_test_while_a_run_of_the_same_file_writes_the_store()
    {
        var file = folder.Write("spiral.yaml", Experiments.Spiral("spiral", trials: 12, epochs: 300));
        using var sweep = SweepProcess.Start("run", file, "--db", folder.DbPath, "--out", folder.OutPath, "--parallel", "1");
        Assert.True(await sweep.WaitForLinesAsync(line => line.Contains("): completed, loss", StringComparison.Ordinal), 1), sweep.Error);

        var first = CliRun.Of("lr-find", file, "--db", folder.DbPath, "--steps", "200", "--min", "1e-4", "--max", "10");
        var second = CliRun.Of("lr-find", file, "--db", folder.DbPath, "--steps", "100", "--min", "1e-4", "--max", "10");
        var running = folder.Scalar<int>("SELECT COUNT(*) FROM runs WHERE ended IS NULL");

        Assert.Equal(0, await sweep.ExitCodeAsync());
        Assert.True(running == 1, "the run ended before lr-find stored its tests, so they did not overlap");
        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM experiments"));
        Assert.Equal(12, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM lr_find_tests"));
        var best = JsonDocument.Parse(folder.Command("best", "--experiment", "spiral", "--format", "json").Output).RootElement;
        Assert.Equal(12, best.GetProperty("trials_run").GetInt32());
        Assert.Equal(folder.Scalar<int>("SELECT COUNT(*) FROM range_tests WHERE trial_id = (SELECT id FROM lr_find_tests ORDER BY sequence DESC LIMIT 1)"), best.GetProperty("range_test").GetProperty("steps").GetInt32());
        Assert.Equal("ok", folder.Scalar<string>("PRAGMA integrity_check"));
    }
}
