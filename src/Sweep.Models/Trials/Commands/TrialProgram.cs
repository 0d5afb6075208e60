using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// The user's program as it runs for one trial: spawned straight into a session and process group of its own,
/// whose id is its pid, with stdout and stderr on pipes to sweep and stdin at end of file. Spawning it with
/// posix_spawn costs one exec per trial, where the <c>setsid</c> program cost two. Its children and
/// grandchildren stay in its group even when they are reparented after it exits, which
/// <c>Process.Kill(entireProcessTree)</c> would miss, so every stop signals the whole group. Sweep waits for
/// the program itself: .NET reaps only the children its own <c>Process</c> class started.
/// </summary>
internal sealed partial class TrialProgram : IDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Readable once the program has exited; invalid on kernels without pidfd_open (before Linux 5.3).</summary>
    private readonly SafeFileHandle exit;
    private int? exitCode;

    private TrialProgram(int id, SafeFileHandle exit, SafeFileHandle stdout, SafeFileHandle stderr)
    {
        (Id, this.exit) = (id, exit);
        StandardOutput = new FileStream(stdout, FileAccess.Read, bufferSize: 0);
        StandardError = new FileStream(stderr, FileAccess.Read, bufferSize: 0);
    }

    /// <summary>The program's pid, which is also the id of its process group and session.</summary>
    public int Id { get; }

    /// <summary>The program's stdout; whoever reads it disposes it.</summary>
    public Stream StandardOutput { get; }

    /// <summary>The program's stderr; whoever reads it disposes it.</summary>
    public Stream StandardError { get; }

    public bool HasExited => TryReap();

    public int ExitCode => exitCode ?? throw new InvalidOperationException("The program has not exited yet.");

    /// <summary>Starts <paramref name="command"/>'s program, or says in <paramref name="problem"/> why it cannot start.</summary>
    public static TrialProgram? Start(TrialCommand command, out string? problem)
    {
        problem = Locate(command, out var path);
        if (problem is not null)
        {
            return null;
        }

        var (stdoutRead, stdoutWrite) = Pipe();
        var (stderrRead, stderrWrite) = Pipe();
        int error, pid;
        using (stdoutWrite)
        using (stderrWrite)
        {
            string[] arguments = [command.FileName, .. command.Arguments];
            var environment = Environment(command);
            error = Spawn(path, arguments, environment, command.WorkingDirectory, stdoutWrite, stderrWrite, out pid);
            if (error == NotExecutableFormat)
            {
                // A script without a #! line: run it with /bin/sh, as a shell (and execvp) would.
                error = Spawn("/bin/sh", ["/bin/sh", path, .. command.Arguments], environment, command.WorkingDirectory, stdoutWrite, stderrWrite, out pid);
            }
        }

        if (error != 0)
        {
            stdoutRead.Dispose();
            stderrRead.Dispose();
            problem = error == PermissionDenied
                ? $"cannot start the program: {command.FileName} is not executable (chmod +x it, or put its interpreter first in trainer.command)"
                : $"cannot start the program: {command.FileName}: {Marshal.GetPInvokeErrorMessage(error)}";
            return null;
        }

        return new TrialProgram(pid, ExitHandle(pid), stdoutRead, stderrRead);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the program to exit; true once it has.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (TryReap())
        {
            return true;
        }

        if (exit.IsInvalid)
        {
            Thread.Sleep(timeout < TimeSpan.FromMilliseconds(10) ? timeout : TimeSpan.FromMilliseconds(10));
        }
        else
        {
            WaitReadable(exit, timeout);
        }

        return TryReap();
    }

    /// <summary>
    /// SIGTERM to the whole group, then SIGKILL to whatever is left after <paramref name="grace"/>. Returns
    /// when no process of the group is left, or soon after the SIGKILL.
    /// </summary>
    public void Stop(TimeSpan grace)
    {
        if (!SignalGroup(SigTerm))
        {
            return;
        }

        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < grace)
        {
            if (!IsGroupAlive())
            {
                return;
            }

            Thread.Sleep(waited.Elapsed < TimeSpan.FromMilliseconds(50) ? 1 : 10);
        }

        SignalGroup(SigKill);
        var killed = Stopwatch.StartNew();
        while (IsGroupAlive() && killed.Elapsed < TimeSpan.FromSeconds(1))
        {
            Thread.Sleep(5);
        }
    }

    public void Dispose()
    {
        // A program that outlived even SIGKILL (stuck in the kernel) is left for init once sweep exits.
        TryReap();
        exit.Dispose();
    }

    /// <summary>The program's file: a path with a slash is taken from the working folder, a bare name from PATH (the program's own, when trainer.env sets it).</summary>
    private static string? Locate(TrialCommand command, out string path)
    {
        path = "";
        if (!Directory.Exists(command.WorkingDirectory))
        {
            return $"cannot start the program: its folder {command.WorkingDirectory} (trainer.cwd) does not exist";
        }

        var program = command.FileName;
        if (program.Contains('/', StringComparison.Ordinal))
        {
            path = Path.GetFullPath(program, command.WorkingDirectory);
            return File.Exists(path) ? null : $"cannot start the program: {program} does not exist (relative to {command.WorkingDirectory})";
        }

        var search = command.Environment.GetValueOrDefault("PATH") ?? System.Environment.GetEnvironmentVariable("PATH") ?? "";
        path = search.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.GetFullPath(Path.Combine(folder, program), command.WorkingDirectory))
            .FirstOrDefault(File.Exists) ?? "";
        return path.Length > 0 ? null : $"cannot start the program: '{program}' is not on PATH; give its full path in trainer.command";
    }

    /// <summary>Sweep's environment with the command's variables added, as NAME=VALUE.</summary>
    private static string[] Environment(TrialCommand command)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        foreach (var (name, value) in command.Environment)
        {
            variables[name] = value;
        }

        return [.. variables.Select(pair => $"{pair.Key}={pair.Value}")];
    }

    private bool TryReap()
    {
        if (exitCode is not null)
        {
            return true;
        }

        int reaped, status;
        do
        {
            reaped = WaitPid(Id, out status, NoHang);
        }
        while (reaped < 0 && Marshal.GetLastPInvokeError() == Interrupted);

        if (reaped == Id)
        {
            // Exit status: the code in bits 8-15 when it exited, else the signal that ended it in bits 0-6, told as 128 + signal like a shell.
            exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            return true;
        }

        if (reaped < 0)
        {
            // Not sweep's child to wait for any more: .NET reaps every child when sweep was started with
            // SIGCHLD ignored, and the status went with it; the epochs the program reported decide the trial.
            exitCode = 0;
            return true;
        }

        return false;
    }

    /// <summary>The leader counts until it is reaped: a zombie is still a member of its group.</summary>
    private bool IsGroupAlive()
    {
        TryReap();
        return Kill(-Id, 0) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;
    }

    /// <summary>False when no process of the group was left to signal.</summary>
    private bool SignalGroup(int signal) => Kill(-Id, signal) == 0;
}
