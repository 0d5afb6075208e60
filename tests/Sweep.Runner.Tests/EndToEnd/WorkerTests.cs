using System.Diagnostics;
using System.Text.Json;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// `sweep run` and `sweep worker` processes sharing one store: every trial recorded once, whatever happens
/// to a worker (kill -9, SIGSTOP past its lease, Ctrl+C), and a coarse-to-fine search spread over
/// processes makes the same stages and pick as one process.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class WorkerTests : IDisposable
{
    private readonly SweepFolder folder = new();
    private readonly string marker = "sweep-worker-test-" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose() => folder.Dispose();

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task A_run_and_two_workers_share_the_trials_and_record_each_exactly_once(string kind)
    {
        using var store = TestStores.Create(kind, folder);
        var file = SlowExperiment(trials: 9, epochs: 4, pause: 0.15);

        using var run = Run(store, file);
        Assert.True(await run.WaitForLinesAsync(l => l.StartsWith("Running 9 trials", StringComparison.Ordinal), 1), run.Error);
        using var first = Worker(store, "first");
        using var second = Worker(store, "second");
        var codes = await Task.WhenAll(run.ExitCodeAsync(TimeSpan.FromSeconds(90)), first.ExitCodeAsync(TimeSpan.FromSeconds(90)), second.ExitCodeAsync(TimeSpan.FromSeconds(90)));

        Assert.True(codes.All(c => c == 0), $"exit codes {string.Join(", ", codes)}: {run.Error}{first.Error}{second.Error}");
        Assert.Equal(9, store.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(9 * 4, store.Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(9 * 4, store.Scalar<int>("SELECT COUNT(*) FROM (SELECT DISTINCT trial_id, epoch FROM epochs) AS e"));
        var ran = new[] { run, first, second }.Select(p => p.Lines.Count(IsFinishedTrial)).ToList();
        Assert.Equal(9, ran.Sum());
        Assert.True(ran.Count(n => n > 0) >= 2, $"trials ran by run, first, second: {string.Join(", ", ran)}");
        Assert.Contains("9 completed", string.Join('\n', run.Lines), StringComparison.Ordinal);
        Assert.Equal(9, File.ReadLines(Path.Combine(folder.OutPath, "run", "trials.csv")).Count() - 1);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Four_workers_and_a_run_on_200_trials_record_each_trial_once_and_no_epoch_twice(string kind)
    {
        using var store = TestStores.Create(kind, folder);
        var file = folder.Write("many.yaml", Experiments.Spiral("many", trials: 200, epochs: 150));

        using var run = Run(store, file);
        Assert.True(await run.WaitForLinesAsync(l => l.StartsWith("Running 200 trials", StringComparison.Ordinal), 1), run.Error);
        var workers = Enumerable.Range(1, 4).Select(i => Worker(store, $"worker{i}")).ToList();
        try
        {
            var codes = await Task.WhenAll(workers.Append(run).Select(p => p.ExitCodeAsync(TimeSpan.FromSeconds(180))));

            Assert.True(codes.All(c => c == 0), $"exit codes {string.Join(", ", codes)}: {string.Join('\n', workers.Append(run).Select(p => p.Error))}");
            Assert.Equal(200, store.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
            Assert.Equal(200 * 150, store.Scalar<int>("SELECT COUNT(*) FROM epochs"));
            Assert.Equal(200 * 150, store.Scalar<int>("SELECT COUNT(*) FROM (SELECT DISTINCT trial_id, epoch FROM epochs) AS e"));
            var ran = workers.Append(run).Select(p => p.Lines.Count(IsFinishedTrial)).ToList();
            Assert.Equal(200, ran.Sum());
            Assert.True(ran.Count(n => n > 0) >= 3, $"trials ran by each process: {string.Join(", ", ran)}");
            Assert.DoesNotContain("taken over", string.Join('\n', workers.Append(run).Select(p => p.Error)), StringComparison.Ordinal);
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task A_trial_of_a_worker_killed_with_9_runs_again_elsewhere_once_its_lease_runs_out(string kind)
    {
        using var store = TestStores.Create(kind, folder);
        var file = SlowExperiment(trials: 5, epochs: 6, pause: 0.3);
        Assert.Equal(0, await Run(store, file, "--max-trials", "1").ExitCodeAsync(TimeSpan.FromSeconds(60)));

        // The rescuer starts while the doomed worker lives, so only the lease can tell it the trial was lost. The
        // doomed worker may hold a second trial claimed ahead, which it loses too: 5 trials leave the rescuer one.
        var doomed = Worker(store, "doomed", "--lease", "3s");
        Assert.True(await ProgramsRunningAsync(1), doomed.Error);
        using var rescue = Worker(store, "rescue", "--idle-exit", "8s");
        Assert.True(await ProgramsRunningAsync(2), rescue.Error);
        doomed.KillHard();
        await doomed.ExitCodeAsync();
        doomed.Dispose();

        Assert.Equal(0, await rescue.ExitCodeAsync(TimeSpan.FromSeconds(90)));
        Assert.Equal(5, store.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(5 * 6, store.Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.InRange(store.Scalar<int>("SELECT COUNT(*) FROM trials WHERE attempt = 2"), 1, 2);
        Assert.Empty(LeftRunning(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task A_worker_suspended_past_its_lease_has_its_late_result_discarded_and_its_program_stopped(string kind)
    {
        using var store = TestStores.Create(kind, folder);
        var file = SlowExperiment(trials: 1, epochs: 60, pause: 0.3);
        Assert.Equal(0, await Run(store, file, "--timeout", "1s").ExitCodeAsync(TimeSpan.FromSeconds(60)));

        using var sleeper = Worker(store, "sleeper", "--lease", "3s");
        Assert.True(await ProgramsRunningAsync(1), sleeper.Error);
        sleeper.Signal("STOP");
        using var rescue = Worker(store, "rescue", "--idle-exit", "3s");
        await Task.Delay(TimeSpan.FromSeconds(6));
        sleeper.Signal("CONT");

        Assert.True(await sleeper.ExitCodeAsync(TimeSpan.FromSeconds(60)) == 0, sleeper.Error);
        Assert.Contains("taken over by another run", sleeper.Error, StringComparison.Ordinal);
        var stopped = Directory.GetFiles(Path.Combine(folder.OutPath, "sleeper"), "stdout.log", SearchOption.AllDirectories).Single();
        Assert.InRange(File.ReadLines(stopped).Count(), 1, 45);
        Assert.Equal(0, await rescue.ExitCodeAsync(TimeSpan.FromSeconds(90)));
        Assert.Empty(LeftRunning(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, store.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed' AND attempt = 2"));
        Assert.Equal(60, store.Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Ctrl_C_of_a_worker_gives_its_trials_back_as_pending_and_exits_130(string kind)
    {
        using var store = TestStores.Create(kind, folder);
        var file = SlowExperiment(trials: 4, epochs: 20, pause: 0.3);
        Assert.Equal(0, await Run(store, file, "--timeout", "1s").ExitCodeAsync(TimeSpan.FromSeconds(60)));

        using var worker = Worker(store, "stopped", "--parallel", "2");
        Assert.True(await ProgramsRunningAsync(2), worker.Error);
        worker.Signal("INT");

        Assert.Equal(130, await worker.ExitCodeAsync());
        Assert.Empty(LeftRunning(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, store.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status IN ('running', 'interrupted', 'failed')"));
        Assert.Equal(0, store.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'pending' AND (run_id IS NOT NULL OR attempt <> 1)"));
        Assert.Equal(4, store.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'pending'"));
        Assert.Equal(0, store.Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Contains("given back", worker.Error + string.Join('\n', worker.Lines), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task A_coarse_to_fine_search_over_a_run_and_two_workers_makes_the_same_stages_and_pick_as_one_process(string kind)
    {
        using var store = TestStores.Create(kind, folder);
        var file = folder.Write("c2f.yaml", CoarseToFineExperiment());
        using var alone = new SweepFolder();
        var single = CliRun.Of(["run", file, "--db", alone.DbPath, "--out", alone.OutPath]);
        Assert.Equal(0, single.ExitCode);

        // The run's own programs are slow (BOWL_PAUSE), so a loaded machine starting the workers late still
        // leaves them trials: the stages and the pick do not depend on who trains what, or how fast.
        using var run = SweepProcess.StartIn(
            folder.Root,
            new Dictionary<string, string> { ["BOWL_PAUSE"] = "1" },
            "run", file, "--db", store.Location, "--out", Path.Combine(folder.OutPath, "run"), "--parallel", "1");
        Assert.True(await run.WaitForLinesAsync(l => l.Contains("Coarse-to-fine", StringComparison.Ordinal), 1), run.Error);
        using var first = Worker(store, "first", "--idle-exit", "3s");
        using var second = Worker(store, "second", "--idle-exit", "3s");
        var codes = await Task.WhenAll(run.ExitCodeAsync(TimeSpan.FromSeconds(120)), first.ExitCodeAsync(TimeSpan.FromSeconds(120)), second.ExitCodeAsync(TimeSpan.FromSeconds(120)));

        Assert.True(codes.All(c => c == 0), $"exit codes {string.Join(", ", codes)}: {run.Error}{first.Error}{second.Error}");
        var stages = store.Query<(long Stage, string Id)>("SELECT stage, id FROM trials ORDER BY stage, id");
        var singleStages = alone.Query<(long Stage, string Id)>("SELECT stage, id FROM trials ORDER BY stage, id");
        Assert.Equal(singleStages, stages);
        Assert.True(stages.Select(s => s.Stage).Distinct().Count() >= 3, $"only {stages.Select(s => s.Stage).Distinct().Count()} stages");
        var logs = new[] { run, first, second }.SelectMany(p => p.Lines).Where(l => l.StartsWith("Planned stage ", StringComparison.Ordinal)).ToList();
        Assert.Equal(logs.Distinct().Count(), logs.Count);
        Assert.Equal(ChosenRate(store.Location), ChosenRate(alone.DbPath));
        Assert.True(
            new[] { first, second }.Sum(p => p.Lines.Count(IsFinishedTrial)) > 0,
            $"the workers ran no trial:\n{string.Join("\n", first.Lines)}\n{first.Error}\n{string.Join("\n", second.Lines)}\n{second.Error}");
    }

    [Fact]
    public async Task A_run_and_a_worker_complete_the_sweep_through_a_restart_of_the_database_server()
    {
        // A server of this test's own, so the restart does not disturb other tests.
        var server = Sweep.Storage.Tests.TestPostgres.StartServer();
        try
        {
            var file = SlowExperiment(trials: 6, epochs: 10, pause: 0.2);
            using var run = SweepProcess.StartIn(folder.Root, "run", file, "--db", server, "--out", Path.Combine(folder.OutPath, "run"), "--parallel", "1");
            Assert.True(await run.WaitForLinesAsync(l => l.StartsWith("Running 6 trials", StringComparison.Ordinal), 1), run.Error);
            using var worker = SweepProcess.StartIn(folder.Root, "worker", "--db", server, "--out", Path.Combine(folder.OutPath, "worker"), "--parallel", "1", "--idle-exit", "3s");
            Assert.True(await ProgramsRunningAsync(2), run.Error + worker.Error);

            Sweep.Storage.Tests.TestPostgres.RestartServer(server, TimeSpan.FromSeconds(3));

            var codes = await Task.WhenAll(run.ExitCodeAsync(TimeSpan.FromSeconds(120)), worker.ExitCodeAsync(TimeSpan.FromSeconds(120)));
            Assert.True(codes.All(c => c == 0), $"exit codes {string.Join(", ", codes)}: {run.Error}{worker.Error}");
            using var connection = Sweep.Storage.Tests.TestPostgres.Connect(server);
            Assert.Equal(6L, Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
            Assert.Equal(60L, Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM epochs"));
        }
        finally
        {
            Sweep.Storage.Tests.TestPostgres.StopServer(server);
        }
    }

    private static double ChosenRate(string location)
    {
        var best = CliRun.Of(["best", "--experiment", "slow-c2f", "--db", location, "--format", "json"]);
        Assert.True(best.ExitCode == 0, best.Error);
        using var json = JsonDocument.Parse(best.Output);
        return json.RootElement.GetProperty("learning_rate").GetDouble();
    }

    private static bool IsFinishedTrial(string line) => line.Contains("): completed, loss", StringComparison.Ordinal);

    private SweepProcess Run(TestStore store, string file, params string[] options) =>
        SweepProcess.StartIn(folder.Root, ["run", file, "--db", store.Location, "--out", Path.Combine(folder.OutPath, "run"), "--parallel", "1", .. options]);

    /// <summary>A worker on one trial at a time that exits once idle for 2 s, unless <paramref name="options"/> say otherwise.</summary>
    private SweepProcess Worker(TestStore store, string name, params string[] options) =>
        SweepProcess.StartIn(folder.Root, [
            "worker", "--db", store.Location, "--out", Path.Combine(folder.OutPath, name), .. options,
            .. options.Contains("--parallel") ? Array.Empty<string>() : ["--parallel", "1"],
            .. options.Contains("--idle-exit") ? Array.Empty<string>() : ["--idle-exit", "2s"]]);

    /// <summary>A python program that reports an epoch every <paramref name="pause"/> seconds; its command line carries the test's marker.</summary>
    private string SlowExperiment(int trials, int epochs, double pause)
    {
        folder.Write("slow.py", """
            import json, sys, time
            rate, epochs, pause = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
            for epoch in range(1, epochs + 1):
                time.sleep(pause)
                print(json.dumps({"epoch": epoch, "train_loss": abs(rate - 0.05) + 1.0 / epoch}), flush=True)
            """);
        var rates = string.Join(", ", Enumerable.Range(1, trials).Select(i => (0.01 * i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return folder.Write("slow.yaml", $$"""
            name: slow-program
            trainer:
              command: [python3, slow.py, "{training.learning_rate}", "{training.epochs}", "{{pause.ToString(System.Globalization.CultureInfo.InvariantCulture)}}", {{marker}}]
              kill_grace: 1s
            training:
              epochs: {{epochs}}
              learning_rate: 0.01
              early_stop: {divergence: null}
            search:
              parameters:
                training.learning_rate: {values: [{{rates}}]}
            """);
    }

    /// <summary>A coarse-to-fine search over a program whose loss is lowest at a rate of 0.02 (trials of about a second).</summary>
    private string CoarseToFineExperiment()
    {
        folder.Write("bowl.py", """
            import json, math, os, sys, time
            rate, epochs = float(sys.argv[1]), int(sys.argv[2])
            for epoch in range(1, epochs + 1):
                time.sleep(float(os.environ.get("BOWL_PAUSE", "0.1")))
                print(json.dumps({"epoch": epoch, "train_loss": abs(math.log10(rate / 0.02)) + 0.1 + 1.0 / epoch}), flush=True)
            """);
        return $$"""
            name: slow-c2f
            trainer:
              command: [python3, bowl.py, "{training.learning_rate}", "{training.epochs}", {{marker}}]
            training:
              epochs: 4
              learning_rate: 0.01
              early_stop: {divergence: null}
            search:
              strategy: coarse-to-fine
              max: 1
              budget: 30
            """;
    }

    private async Task<bool> ProgramsRunningAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (Sweep.Models.Tests.Trials.Commands.ProcessTable.WithMarker(marker).Count >= count)
            {
                await Task.Delay(700);
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private IReadOnlyList<int> LeftRunning(TimeSpan patience) => Sweep.Models.Tests.Trials.Commands.ProcessTable.LeftWithMarker(marker, patience);
}
