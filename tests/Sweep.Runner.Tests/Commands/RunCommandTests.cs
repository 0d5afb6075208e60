using System.Text.Json;

namespace Sweep.Runner.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Run_trains_every_trial_and_ranks_the_finished_ones()
    {
        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--parallel", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Running 3 trials of 'y3x' on 2 workers.", run.Output, StringComparison.Ordinal);
        Assert.Contains("(training.learning_rate=1): diverged", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n1\s+[0-9a-f]{16}\s+0\.01\s", run.Output);
        Assert.Matches(@"\n2\s+[0-9a-f]{16}\s+0\.001\s", run.Output);
        Assert.Contains("2 completed, 1 diverged. Best: trial", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Results are in the store '{folder.DbPath}' (experiment 'y3x' version 1, run 1)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_stores_every_trial_with_its_status_and_epochs()
    {
        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()));

        Assert.Equal(0, run.ExitCode);
        var trials = folder.Query<(double Rate, string Status, int Epochs)>("SELECT learning_rate, status, epochs FROM trials ORDER BY learning_rate");
        Assert.Equal([(0.001, "completed", 200), (0.01, "completed", 200)], trials.Take(2));
        Assert.Equal("diverged", trials[2].Status);
        Assert.Equal(trials.Sum(t => t.Epochs), folder.Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal("completed", folder.Scalar<string>("SELECT status FROM runs"));
    }

    [Fact]
    public void Every_finished_trial_is_diagnosed_and_its_label_stored_with_the_numbers()
    {
        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.1, 1")));

        Assert.Equal(0, run.ExitCode);
        var labels = folder.Query<(double Rate, string Diagnosis, string Details)>("SELECT learning_rate, diagnosis, diagnosis_json FROM trials ORDER BY learning_rate");
        Assert.Equal([(0.001, "slow"), (0.1, "good"), (1.0, "diverging")], labels.Select(l => (l.Rate, l.Diagnosis)));
        Assert.Contains("\"reason\":\"loss still falling", labels[0].Details, StringComparison.Ordinal);
        Assert.Matches(@"\n1\s+[0-9a-f]{16}\s+0\.1\s.*\sgood\n", run.Output);
    }

    [Fact]
    public void Run_writes_the_reports_into_the_output_folder()
    {
        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.1, 1")));

        Assert.Equal(0, run.ExitCode);
        var trials = File.ReadAllLines(Path.Combine(folder.OutPath, "trials.csv"));
        Assert.Equal("trial_id,stage,learning_rate,weight_decay_l1,weight_decay_l2,batch,status,diagnosis,epochs,final_train_loss,final_val_loss,best_val_loss,final_accuracy,seconds", trials[0]);
        Assert.Equal(4, trials.Length);
        Assert.Contains(trials, line => line.Contains(",0.1,0,0,full,completed,good,200,", StringComparison.Ordinal));
        var epochs = File.ReadAllLines(Path.Combine(folder.OutPath, "epochs.csv"));
        Assert.Equal(1 + folder.Scalar<int>("SELECT COUNT(*) FROM epochs"), epochs.Length);
        Assert.Contains("chosen learning rate **0.1**", File.ReadAllText(Path.Combine(folder.OutPath, "summary.md")), StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder.OutPath, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Running_again_resumes_without_running_a_finished_trial_twice()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        Assert.Equal(0, folder.Run(file).ExitCode);
        var first = folder.Query<(string Id, long RunId, string Ended)>("SELECT id, run_id, ended FROM trials ORDER BY id");

        var again = folder.Run(file);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("All 3 trials of 'y3x' are already finished", again.Output, StringComparison.Ordinal);
        Assert.Contains("2 completed, 1 diverged. Best: trial", again.Output, StringComparison.Ordinal);
        Assert.Equal(first, folder.Query<(string Id, long RunId, string Ended)>("SELECT id, run_id, ended FROM trials ORDER BY id"));
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM runs"));
    }

    [Fact]
    public void Fresh_runs_every_trial_again_in_a_new_run()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        Assert.Equal(0, folder.Run(file).ExitCode);

        var fresh = folder.Run(file, "--fresh");

        Assert.Equal(0, fresh.ExitCode);
        Assert.Contains("--fresh: 3 stored trials of 'y3x' version 1 reset to run again.", fresh.Output, StringComparison.Ordinal);
        Assert.Equal([2L, 2L, 2L], folder.Query<long>("SELECT run_id FROM trials"));
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM experiments"));
        Assert.Equal(400 + folder.Scalar<int>("SELECT epochs FROM trials WHERE status = 'diverged'"), folder.Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void Max_trials_runs_at_most_that_many_and_the_next_run_goes_on()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.002, 0.003, 0.004"));

        var limited = folder.Run(file, "--max-trials", "2", "--parallel", "3");

        Assert.Equal(0, limited.ExitCode);
        Assert.Contains("2 trials not finished yet", limited.Output, StringComparison.Ordinal);
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'pending'"));

        Assert.Equal(0, folder.Run(file).ExitCode);
        Assert.Equal(4, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
    }

    [Fact]
    public void A_trial_that_fails_is_recorded_as_failed_and_the_others_complete_with_exit_1()
    {
        var run = folder.Run(Experiments.Failing(folder));

        Assert.Equal(1, run.ExitCode);
        var failed = folder.Query<(string Status, string? Error)>("SELECT status, error FROM trials WHERE number = 2").Single();
        Assert.Equal("failed", failed.Status);
        Assert.StartsWith("exited with 3: 2 outputs do not fit 3 classes\n", failed.Error, StringComparison.Ordinal);
        Assert.Equal("completed", folder.Scalar<string>("SELECT status FROM trials WHERE number = 1"));
        Assert.Equal("failed", folder.Scalar<string>("SELECT status FROM runs"));
        Assert.Matches(@"warning: \[\d/2\] trial [0-9a-f]{16} \(params.units=2\) failed: exited with 3: 2 outputs do not fit 3 classes", run.Error);
        Assert.Contains("Failed: trial", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_shows_the_stack_trace_of_a_trial_that_throws()
    {
        // A file where the trials' folder belongs makes each command trial throw as it starts.
        Directory.CreateDirectory(folder.OutPath);
        File.WriteAllText(Path.Combine(folder.OutPath, "trials"), "");

        var run = folder.Run(Experiments.Failing(folder), "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("   at Sweep.Models.Trials.Commands.CommandExecutor.Run", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_file_becomes_a_new_version_and_the_old_results_stay()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(epochs: 50));
        Assert.Equal(0, folder.Run(file).ExitCode);
        File.WriteAllText(file, Experiments.Linear(epochs: 60));

        var changed = folder.Run(file);

        Assert.Equal(0, changed.ExitCode);
        Assert.Contains("changes what 'y3x' runs since it last ran, so it is version 2", changed.Error, StringComparison.Ordinal);
        Assert.Equal([(1, 3), (2, 3)], folder.Query<(int Version, int Trials)>(
            "SELECT e.version, COUNT(t.id) FROM experiments e JOIN trials t ON t.experiment_id = e.id GROUP BY e.id ORDER BY e.version"));
        Assert.Equal([(1, 50), (2, 60)], folder.Query<(int Version, int Epochs)>(
            "SELECT DISTINCT e.version, t.epochs FROM trials t JOIN experiments e ON e.id = t.experiment_id WHERE t.status = 'completed' ORDER BY 1"));
    }

    [Fact]
    public void An_invalid_experiment_exits_2_and_writes_nothing_to_the_store()
    {
        var run = folder.Run(folder.Write("bad.yaml", Experiments.Linear().Replace("epochs: 200", "epochs: ten", StringComparison.Ordinal)));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("training.epochs must be a whole number", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DbPath));
    }

    [Fact]
    public void Run_stops_before_training_when_a_data_file_is_bad()
    {
        folder.Write("points.csv", "x,y\n1,3\n2,six\n");
        var file = folder.Write("bad-csv.yaml", """
            name: bad-csv
            data:
              csv: {path: points.csv, target: y}
            model:
              layers: [{units: 1}]
            training: {epochs: 5}
            """);

        var run = folder.Run(file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("points.csv:3: column 'y' holds 'six'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DbPath));
    }

    [Fact]
    public void A_store_that_is_not_a_database_exits_3_naming_the_file()
    {
        File.WriteAllText(folder.DbPath, "this is not a SQLite file, just some text that is long enough to have a header");

        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()));

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"sweep: The file '{folder.DbPath}' is not a SQLite database", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_before_the_first_trial_runs_nothing_and_exits_130()
    {
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), stopped.Token);

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("Interrupted: 3 trials not finished; run the same command again to resume.", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'pending'"));
        Assert.Equal("interrupted", folder.Scalar<string>("SELECT status FROM runs"));
    }

    [Fact]
    public void Timeout_interrupts_the_running_trials_and_exits_0_with_a_warning()
    {
        var file = folder.Write("spiral.yaml", Experiments.Spiral("spiral", trials: 2, epochs: 200_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = folder.Run(file, "--timeout", "1s", "--parallel", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1, 10);
        Assert.Contains("The sweep is incomplete: --timeout 1s passed with 2 trials not finished", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'interrupted' AND epochs > 0"));
    }

    [Fact]
    public void Json_log_format_writes_one_json_object_a_line_ending_with_the_summary()
    {
        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--log-format", "json");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(lines, line => line.TryGetProperty("@mt", out var template) && template.GetString()!.Contains("{TrialId}", StringComparison.Ordinal));
        var summary = lines[^1];
        Assert.Equal(2, summary.GetProperty("trials").GetProperty("completed").GetInt32());
        Assert.Equal(0.01, summary.GetProperty("ranking")[0].GetProperty("parameters").GetProperty("training.learning_rate").GetDouble());
    }

    [Fact]
    public void Quiet_prints_only_the_summary()
    {
        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("[1/3]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Running", run.Output, StringComparison.Ordinal);
        Assert.StartsWith("\nrank  trial", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void The_log_file_under_out_records_every_trial()
    {
        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet");

        var log = File.ReadAllText(Path.Combine(folder.OutPath, "sweep.log"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, folder.Query<string>("SELECT id FROM trials").Count(id => log.Contains($"trial {id} (", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("--parallel", "0")]
    [InlineData("--max-trials", "0")]
    [InlineData("--parallel", "abc")]
    [InlineData("--max-trials", "2.5")]
    [InlineData("--timeout", "ten minutes")]
    [InlineData("--log-format", "xml")]
    public void A_bad_option_value_exits_2(string option, string value)
    {
        var run = folder.Run(RepositoryFiles.Experiment("quickstart.yaml"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DbPath));
    }
}
