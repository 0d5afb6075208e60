namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// The real executable stopped mid-sweep: by Ctrl+C (SIGINT), SIGTERM, or kill -9. Each time the store
/// stays whole, and the next `sweep run` finishes the sweep without running a finished trial again.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class StopAndKillTests : IDisposable
{
    // Enough trials that a signal sent once two have finished finds most still to run, however fast the
    // machine: a signal after the last trial ended interrupts nothing, and the run ends as completed.
    private const int Trials = 24;
    private const int Epochs = 800;

    private readonly SweepFolder folder = new();
    private readonly string file;

    public StopAndKillTests()
    {
        file = folder.Write("spiral.yaml", Experiments.Spiral("spiral", Trials, epochs: Epochs));
    }

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_stop_signal_mid_sweep_interrupts_the_running_trials_and_exits_130_then_resume_finishes_the_rest(string signal)
    {
        using var sweep = Start();
        Assert.True(await sweep.WaitForLinesAsync(IsFinishedTrial, 2), sweep.Error);

        sweep.Signal(signal);

        Assert.Equal(130, await sweep.ExitCodeAsync());
        Assert.Contains("Stopping: no new trial starts", sweep.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sweep.Error, StringComparison.Ordinal);
        Assert.Equal("interrupted", folder.Scalar<string>("SELECT status FROM runs"));
        Assert.Equal(0, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'running'"));
        Assert.InRange(folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'interrupted'"), 1, 2);
        await ResumeFinishesWithoutRunningAFinishedTrialAgain();
    }

    [Fact]
    public async Task Kill_9_mid_sweep_leaves_a_whole_store_and_resume_finishes_the_rest()
    {
        using var sweep = Start();
        Assert.True(await sweep.WaitForLinesAsync(IsFinishedTrial, 2), sweep.Error);

        sweep.KillHard();
        await sweep.ExitCodeAsync();

        Assert.Equal("ok", folder.Scalar<string>("PRAGMA integrity_check"));
        Assert.Equal("running", folder.Scalar<string>("SELECT status FROM runs"));
        Assert.InRange(folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"), 2, Trials - 1);
        await ResumeFinishesWithoutRunningAFinishedTrialAgain();
        Assert.Equal("interrupted", folder.Scalar<string>("SELECT status FROM runs WHERE id = 1"));
    }

    private SweepProcess Start() =>
        SweepProcess.Start("run", file, "--db", folder.DbPath, "--out", folder.OutPath, "--parallel", "2");

    private static bool IsFinishedTrial(string line) => line.Contains("): completed, loss", StringComparison.Ordinal);

    private async Task ResumeFinishesWithoutRunningAFinishedTrialAgain()
    {
        var finished = folder.Query<(string Id, long RunId, string Ended)>("SELECT id, run_id, ended FROM trials WHERE status = 'completed' ORDER BY id");

        using var resume = SweepProcess.Start("run", file, "--db", folder.DbPath, "--out", folder.OutPath, "--parallel", "2");

        Assert.Equal(0, await resume.ExitCodeAsync());
        Assert.Equal(Trials, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(finished, folder.Query<(string Id, long RunId, string Ended)>(
            "SELECT id, run_id, ended FROM trials WHERE id IN @Ids ORDER BY id", new { Ids = finished.Select(f => f.Id).ToList() }));
        Assert.Equal(Trials - finished.Count, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE run_id = 2"));
        Assert.Equal(Trials - finished.Count, resume.Lines.Count(IsFinishedTrial));
        Assert.Equal(Trials * Epochs, folder.Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal("ok", folder.Scalar<string>("PRAGMA integrity_check"));
    }
}
