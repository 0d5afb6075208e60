using System.Globalization;
using System.Runtime.Versioning;
using Sweep.Models.Results;

namespace Sweep.Models.Tests.Trials.Commands;

/// <summary>How a trial's program is started and ended: its own session, its signals, its stdin, and plain words when it cannot start.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class TrialProgramTests : IDisposable
{
    private const string OneEpoch = """echo '{"epoch": 1, "train_loss": 0.5}'""";

    private readonly ProgramFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_program_leads_a_session_and_process_group_of_its_own()
    {
        var trial = folder.Trial($"""
            echo $$ > pid.txt
            cat /proc/$$/stat > stat.txt
            {OneEpoch}
            """);

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        var pid = folder.Read("pid.txt").Trim();
        var (group, session) = GroupAndSession(folder.Read("stat.txt"));
        Assert.Equal(pid, group);
        Assert.Equal(pid, session);
        Assert.NotEqual(GroupAndSession(File.ReadAllText("/proc/self/stat")).Session, session);
    }

    [Fact]
    public void The_program_starts_with_no_signal_ignored_or_blocked_and_stdin_at_its_end()
    {
        // The test host, like sweep, ignores SIGPIPE: a program must not inherit that, or `head` in its pipelines would not end it.
        var trial = folder.Trial($"""
            grep -E '^Sig(Ign|Blk):' /proc/$$/status > signals.txt
            read line || echo "end of file" > stdin.txt
            {OneEpoch}
            """);

        folder.Run(trial);

        Assert.Equal("SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n", folder.Read("signals.txt"));
        Assert.Equal("end of file\n", folder.Read("stdin.txt"));
    }

    [Fact]
    public void A_grandchild_that_ignores_SIGTERM_is_killed_with_its_group_when_the_trial_is_stopped()
    {
        var trial = folder.Trial("""
            sh -c 'trap "" TERM; echo $$ > grandchild.pid; sleep 300' &
            while [ ! -s grandchild.pid ]; do sleep 0.05; done
            echo '{"epoch": 1, "train_loss": NaN}'
            sleep 300
            """);

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.True(ProcessTable.IsGone(int.Parse(folder.Read("grandchild.pid").Trim(), CultureInfo.InvariantCulture), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void An_executable_script_without_a_hash_bang_line_runs_with_sh()
    {
        var trial = folder.Trial(OneEpoch, command: "[./train.sh]");
        MakeExecutable(Path.Combine(folder.Path, "train.sh"));

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal([0.5], result.Epochs.Select(e => e.TrainLoss));
    }

    [Theory]
    [InlineData("[./train.sh]", "cannot start the program: ./train.sh is not executable (chmod +x it, or put its interpreter first in trainer.command)")]
    [InlineData("[./missing.sh]", "cannot start the program: ./missing.sh does not exist (relative to {folder})")]
    [InlineData("[no-such-program-anywhere]", "cannot start the program: 'no-such-program-anywhere' is not on PATH; give its full path in trainer.command")]
    public void A_program_that_cannot_start_fails_the_trial_saying_why(string command, string error)
    {
        var trial = folder.Trial(OneEpoch, command: command);

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.Equal(error.Replace("{folder}", folder.Path, StringComparison.Ordinal), result.Error);
        Assert.Empty(result.Epochs);
    }

    [Fact]
    public void A_script_whose_interpreter_does_not_exist_fails_saying_so()
    {
        var trial = folder.Trial("#!/no/such/interpreter\n" + OneEpoch, command: "[./train.sh]");
        MakeExecutable(Path.Combine(folder.Path, "train.sh"));

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Failed, result.Status);
        Assert.Equal("cannot start the program: ./train.sh: No such file or directory", result.Error);
    }

    [Fact]
    public void A_bare_program_name_is_found_on_the_PATH_the_trainer_environment_gives()
    {
        var bin = Directory.CreateDirectory(Path.Combine(folder.Path, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "my-trainer"), "#!/bin/sh\n" + OneEpoch + "\n");
        MakeExecutable(Path.Combine(bin, "my-trainer"));
        var trial = folder.Trial("", trainer: $"env: {{PATH: \"{bin}:/usr/bin:/bin\"}}", command: "[my-trainer]");

        var (result, _) = folder.Run(trial);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Single(result.Epochs);
    }

    private static void MakeExecutable(string path) =>
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    /// <summary>The process group and session ids of a /proc/PID/stat line, fields 5 and 6.</summary>
    private static (string Group, string Session) GroupAndSession(string stat)
    {
        var fields = stat.Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (fields[2], fields[3]);
    }
}
