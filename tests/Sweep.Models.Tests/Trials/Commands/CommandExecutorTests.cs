using Sweep.Models.Results;

namespace Sweep.Models.Tests.Trials.Commands;

/// <summary>Real programs (sh scripts) run as trials: every way a trial can end, and what it leaves behind.</summary>
public sealed class CommandExecutorTests : IDisposable
{
    private const string ThreeEpochs = """
        echo starting
        echo '{"epoch": 1, "train_loss": 0.9, "val_loss": 1.0, "accuracy": 0.5, "top5": 0.7}'
        echo '{"epoch": 2, "train_loss": 0.6, "val_loss": 0.8, "accuracy": 0.6, "top5": 0.8}'
        echo warming >&2
        echo '{"epoch": 3, "train_loss": 0.4, "val_loss": 0.7, "accuracy": 0.7, "top5": 0.9, "seconds": 1.5}'
        """;

    private readonly ProgramFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_program_that_reports_epochs_and_exits_0_completes_with_its_epochs_and_extra_metrics()
    {
        var trial = folder.Trial(ThreeEpochs);

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Null(result.Error);
        Assert.Equal([1, 2, 3], result.Epochs.Select(e => e.Epoch));
        Assert.Equal([0.9, 0.6, 0.4], result.Epochs.Select(e => e.TrainLoss));
        Assert.Equal(0.7, result.Epochs[2].ValidationLoss);
        Assert.Equal(0.01, result.Epochs[0].LearningRate);
        Assert.Equal(1.5, result.Epochs[2].Seconds);
        Assert.True(double.IsNaN(result.Epochs[0].WeightNorm));
        Assert.Equal(0.9, result.Epochs[2].Extra!["top5"]);
        Assert.Contains("starting", File.ReadAllText(folder.TrialFile(trial, "stdout.log")), StringComparison.Ordinal);
        Assert.Equal("warming\n", File.ReadAllText(folder.TrialFile(trial, "stderr.log")));
    }

    [Fact]
    public void A_NaN_loss_stops_the_program_at_once_and_the_trial_is_diverged()
    {
        var trial = folder.Trial("""
            echo '{"epoch": 1, "train_loss": 1.0}'
            echo '{"epoch": 2, "train_loss": NaN}'
            sleep 30
            echo '{"epoch": 3, "train_loss": 0.1}'
            """);

        var (result, took) = folder.Run(trial);

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.Equal(2, result.Epochs.Length);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Fact]
    public void A_loss_growing_past_the_divergence_factor_stops_the_program_and_the_trial_is_diverged()
    {
        var trial = folder.Trial(
            """
            echo '{"epoch": 1, "train_loss": 1.0}'
            echo '{"epoch": 2, "train_loss": 0.5}'
            echo '{"epoch": 3, "train_loss": 2.5}'
            sleep 30
            """,
            training: "early_stop: {divergence: 4}");

        var (result, took) = folder.Run(trial);

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.Equal(3, result.Epochs.Length);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Fact]
    public void Patience_running_out_stops_the_program_and_the_trial_is_completed()
    {
        var trial = folder.Trial(
            """
            for e in 1 2 3 4; do echo "{\"epoch\": $e, \"train_loss\": 0.5}"; done
            sleep 30
            """,
            training: "early_stop: {patience: 2}");

        var (result, took) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(3, result.Epochs.Length);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Fact]
    public void A_non_zero_exit_fails_with_the_code_and_the_last_stderr_line_and_the_error_ends_with_the_stderr_tail()
    {
        var trial = folder.Trial("""
            echo '{"epoch": 1, "train_loss": 1.0}'
            echo 'Traceback (most recent call last):' >&2
            echo 'ValueError: bad shape' >&2
            exit 3
            """);

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.StartsWith("exited with 3: ValueError: bad shape", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("Traceback (most recent call last):\nValueError: bad shape", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Epochs);
    }

    [Fact]
    public void Exit_0_without_an_epoch_fails_and_says_what_to_print()
    {
        var trial = folder.Trial("echo 'loss is 0.5'");

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.StartsWith("reported no epoch: print one JSON line per epoch, e.g. {\"epoch\": 1, \"train_loss\": 0.52", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_past_its_timeout_is_stopped_and_fails_timed_out()
    {
        var trial = folder.Trial(
            """
            while true; do echo '{"epoch": 1, "train_loss": 1.0}'; sleep 0.1; done
            """,
            trainer: "timeout: 800ms");

        var (result, took) = folder.Run(trial);

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.Equal("timed out after 800ms", result.Error);
        Assert.InRange(took, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void A_program_silent_past_its_idle_timeout_is_stopped_and_fails_no_output()
    {
        var trial = folder.Trial(
            """
            echo '{"epoch": 1, "train_loss": 1.0}'
            sleep 30
            """,
            trainer: "idle_timeout: 500ms");

        var (result, took) = folder.Run(trial);

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.Equal("no output for 500ms", result.Error);
        Assert.True(took < TimeSpan.FromSeconds(8), $"took {took}");
    }

    [Fact]
    public void A_program_that_ignores_SIGTERM_is_killed_after_the_grace()
    {
        var trial = folder.Trial(
            """
            trap '' TERM
            echo '{"epoch": 1, "train_loss": NaN}'
            sleep 30
            """);

        var (result, took) = folder.Run(trial);

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.InRange(took, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void Garbage_lines_between_epochs_are_the_programs_log()
    {
        var trial = folder.Trial("""
            echo '{"epoch": 1, "train_loss": 1.0}'
            echo '{not json'
            echo '{"epoch": "two", "train_loss": 0.5}'
            echo '{"train_loss": 0.5}'
            echo '{"epoch": 1, "train_loss": 0.1}'
            echo '[1, 2]'
            printf '\001\002 binary\n'
            echo '{"epoch": 2, "train_loss": 0.5, "note": "text is ignored", "extra": Infinity}'
            """);

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal([1.0, 0.5], result.Epochs.Select(e => e.TrainLoss));
        Assert.Equal(double.PositiveInfinity, result.Epochs[1].Extra!["extra"]);
        Assert.Contains("{not json", File.ReadAllText(folder.TrialFile(trial, "stdout.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void Epochs_appended_to_the_metrics_file_count_as_printed_ones()
    {
        var trial = folder.Trial("""
            echo "log line"
            echo '{"epoch": 1, "train_loss": 0.8}' >> "$SWEEP_METRICS_FILE"
            echo '{"epoch": 2, "train_loss": 0.7}' >> "$SWEEP_METRICS_FILE"
            """);

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal([0.8, 0.7], result.Epochs.Select(e => e.TrainLoss));
    }

    [Fact]
    public void Key_value_lines_make_an_epoch_from_each_epoch_line_to_the_next()
    {
        var trial = folder.Trial(
            """
            echo "epoch: 1"
            echo "train_loss: 0.9"
            echo "val_loss: 1.1"
            echo "note: warming up"
            echo "epoch: 2"
            echo "train_loss: 0.5"
            echo "val_loss: 0.7"
            echo "lr_now: 0.001"
            """,
            trainer: "metrics: keyvalue");

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal([1.1, 0.7], result.Epochs.Select(e => e.ValidationLoss));
        Assert.Equal(0.001, result.Epochs[1].Extra!["lr_now"]);
    }

    [Fact]
    public void A_hundred_thousand_lines_on_each_stream_do_not_block_the_program()
    {
        var trial = folder.Trial("""
            i=0
            while [ $i -lt 100000 ]; do echo "out $i"; echo "err $i" >&2; i=$((i+1)); done
            echo '{"epoch": 1, "train_loss": 0.5}'
            """);

        var (result, took) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(100_001, File.ReadLines(folder.TrialFile(trial, "stdout.log")).Count());
        Assert.Equal(100_000, File.ReadLines(folder.TrialFile(trial, "stderr.log")).Count());
        Assert.True(took < TimeSpan.FromSeconds(60), $"took {took}");
    }

    [Fact]
    public void A_grandchild_holding_stdout_does_not_hold_the_trial_and_is_gone_afterwards()
    {
        var trial = folder.Trial("""
            sleep 300 &
            echo $! > grandchild.pid
            echo '{"epoch": 1, "train_loss": 0.5}'
            """);

        var (result, took) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.True(took < TimeSpan.FromSeconds(8), $"took {took}");
        Assert.True(ProcessTable.IsGone(int.Parse(folder.Read("grandchild.pid").Trim(), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Cancellation_stops_the_program_and_its_children_and_the_trial_is_interrupted()
    {
        var trial = folder.Trial("""
            sh -c 'sleep 300' &
            echo $! > child.pid
            echo '{"epoch": 1, "train_loss": 0.5}'
            sleep 300
            """);
        using var stop = new CancellationTokenSource();

        var (result, took) = folder.Run(trial, _ => stop.Cancel(), stop.Token);

        Assert.Equal(TrialStatus.Interrupted, result.Status);
        Assert.True(took < TimeSpan.FromSeconds(8), $"took {took}");
        Assert.True(ProcessTable.IsGone(int.Parse(folder.Read("child.pid").Trim(), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void The_program_gets_its_trial_folder_seed_params_and_unbuffered_python()
    {
        var trial = folder.Trial(
            """
            printf '%s\n' "$SWEEP_TRIAL_ID" "$SWEEP_TRIAL_DIR" "$SWEEP_SEED" "$SWEEP_PARAMS" "$PYTHONUNBUFFERED" "$RUN_NAME" "$PWD" > env.txt
            echo '{"epoch": 1, "train_loss": 0.5}'
            """,
            trainer: "env: {RUN_NAME: \"run-{trial_id}-{params.arch}\"}",
            parameters: "params: {dropout: 0.1, arch: small, tied: true}");

        folder.Run(trial);

        var lines = folder.Read("env.txt").Split('\n');
        Assert.Equal(trial.Id, lines[0]);
        Assert.Equal(Path.Combine(folder.OutPath, "trials", trial.Id), lines[1]);
        Assert.True(Directory.Exists(lines[1]));
        Assert.Equal("3", lines[2]);
        Assert.Contains("\"learning_rate\":0.01", lines[3], StringComparison.Ordinal);
        Assert.Contains("\"dropout\":0.1,\"tied\":true", lines[3].Replace("\"arch\":\"small\",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("1", lines[4]);
        Assert.Equal($"run-{trial.Id}-small", lines[5]);
        Assert.Equal(folder.Path, lines[6]);
    }
}
