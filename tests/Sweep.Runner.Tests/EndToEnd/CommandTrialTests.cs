using System.Diagnostics;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// The real `sweep` running users' programs: the examples in experiments/command/, and the process
/// guarantees: after Ctrl+C, and after sweep itself is killed with -9, no process of any trial is left.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class CommandTrialTests : IDisposable
{
    private const int SlowTrials = 4;
    private const int SlowEpochs = 6;

    private readonly SweepFolder folder = new();
    private readonly string marker = "sweep-test-" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task The_python_example_sweeps_rate_and_momentum_and_the_high_rates_diverge_early()
    {
        using var sweep = Run(RepositoryFiles.Experiment("command/linear/linear.yaml"));

        Assert.Equal(0, await sweep.ExitCodeAsync(TimeSpan.FromSeconds(90)));
        Assert.Equal(6, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'diverged' AND learning_rate = 1"));
        Assert.True(folder.Scalar<int>("SELECT MAX(epoch) FROM epochs JOIN trials ON trials.id = epochs.trial_id WHERE trials.status = 'diverged'") < 30);
        var best = folder.Scalar<string>("SELECT id FROM trials WHERE learning_rate = 0.1 AND status = 'completed' LIMIT 1");
        Assert.True(File.Exists(Path.Combine(folder.OutPath, "trials", best, "stdout.log")));
        Assert.Contains("Best: trial", string.Join('\n', sweep.Lines), StringComparison.Ordinal);
        Assert.EndsWith(",seconds,params.momentum", File.ReadLines(Path.Combine(folder.OutPath, "trials.csv")).First(), StringComparison.Ordinal);
        Assert.EndsWith(",seconds,b,w", File.ReadLines(Path.Combine(folder.OutPath, "epochs.csv")).First(), StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder.OutPath, "report.html"));
        Assert.Matches("<select class=\"view-picker\" data-chart=\"loss-curves\">.*>b</option>.*>w</option></select>", html);
    }

    [Fact]
    public async Task The_key_value_example_reads_epochs_from_key_value_lines()
    {
        using var sweep = Run(RepositoryFiles.Experiment("command/keyvalue/keyvalue.yaml"));

        Assert.Equal(0, await sweep.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal("diverged", folder.Scalar<string>("SELECT status FROM trials WHERE learning_rate = 1.5"));
        Assert.Equal(16, folder.Scalar<int>("SELECT COUNT(*) FROM epochs JOIN trials ON trials.id = epochs.trial_id WHERE trials.status = 'completed'"));
    }

    [Fact]
    public async Task Ctrl_C_interrupts_the_running_programs_exits_130_and_leaves_no_process_behind()
    {
        using var sweep = Run(SlowExperiment());
        Assert.True(await ProgramsRunningAsync(sweep), sweep.Error);

        sweep.Signal("INT");

        Assert.Equal(130, await sweep.ExitCodeAsync());
        Assert.Empty(LeftRunning(TimeSpan.FromSeconds(1)));
        Assert.Equal(0, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'running'"));
        Assert.InRange(folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'interrupted'"), 1, 2);
    }

    [Fact]
    public async Task Kill_9_of_sweep_ends_its_programs_and_the_next_run_finishes_the_sweep()
    {
        var file = SlowExperiment();
        using (var sweep = Run(file))
        {
            Assert.True(await ProgramsRunningAsync(sweep), sweep.Error);

            sweep.Signal("KILL");
            await sweep.ExitCodeAsync();
        }

        // kill_grace is 1s: SIGTERM at once, SIGKILL a second later for anything that ignores it.
        Assert.Empty(LeftRunning(TimeSpan.FromSeconds(5)));
        using var resume = Run(file);
        Assert.Equal(0, await resume.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(SlowTrials, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(SlowTrials * SlowEpochs, folder.Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Empty(LeftRunning(TimeSpan.Zero));
    }

    private SweepProcess Run(string file) =>
        SweepProcess.Start("run", file, "--db", folder.DbPath, "--out", folder.OutPath, "--parallel", "2");

    /// <summary>A program that reports an epoch every 0.3 s and leaves a grandchild running, both carrying the test's marker.</summary>
    private string SlowExperiment()
    {
        folder.Write("slow.sh", $$"""
            sh -c 'sleep 300 # {{marker}}' &
            for e in $(seq 1 {{SlowEpochs}}); do
              echo "{\"epoch\": $e, \"train_loss\": 0.$((10 - e)) }"
              sleep 0.3
            done
            """);
        return folder.Write("slow.yaml", $$"""
            name: slow-program
            trainer:
              command: [sh, slow.sh, {{marker}}]
              kill_grace: 1s
            training:
              epochs: {{SlowEpochs}}
              learning_rate: 0.01
              early_stop: {divergence: null}
            search:
              parameters:
                training.learning_rate: {values: [0.01, 0.02, 0.03, 0.04]}
            """);
    }

    private async Task<bool> ProgramsRunningAsync(SweepProcess sweep)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            // Two programs under way, each past its first epoch.
            if (Sweep.Models.Tests.Trials.Commands.ProcessTable.WithMarker(marker).Count >= 4 &&
                Directory.Exists(Path.Combine(folder.OutPath, "trials")) &&
                Directory.GetFiles(Path.Combine(folder.OutPath, "trials"), "stdout.log", SearchOption.AllDirectories).Count(f => new FileInfo(f).Length > 0) >= 2)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private IReadOnlyList<int> LeftRunning(TimeSpan patience) => Sweep.Models.Tests.Trials.Commands.ProcessTable.LeftWithMarker(marker, patience);
}
