using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// The real `sweep` executable as a child process (<c>dotnet sweep.dll ARGS</c>, with CI=true so its
/// progress is one line per event), whose output lines the test can wait for and which it can signal.
/// </summary>
internal sealed class SweepProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<string> errors = new();

    private SweepProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The sweep.dll the Runner project built, in the same configuration as these tests.</summary>
    public static string Executable { get; } = FindExecutable();

    public IReadOnlyCollection<string> Lines => lines;

    public string Error => string.Join('\n', errors);

    public static SweepProcess Start(params string[] args) => StartIn(Environment.CurrentDirectory, args);

    /// <summary>The executable started in <paramref name="directory"/>, as a user in another folder would start it.</summary>
    public static SweepProcess StartIn(string directory, params string[] args) => StartIn(directory, new Dictionary<string, string>(), args);

    /// <summary>The executable started in <paramref name="directory"/> with <paramref name="environment"/> added to its environment.</summary>
    public static SweepProcess StartIn(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Executable);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new SweepProcess(Process.Start(start)!);
    }

    /// <summary>Waits until <paramref name="count"/> output lines match; false if the process ended or time ran out first.</summary>
    public async Task<bool> WaitForLinesAsync(Func<string, bool> match, int count)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (lines.Count(match) >= count)
            {
                return true;
            }

            if (process.HasExited)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>Sends a signal by name (INT, TERM) as a shell's kill would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("/bin/sh", ["-c", $"kill -{name} {process.Id}"])!;
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    /// <param name="patience">How long to wait for the exit; 30 seconds unless given.</param>
    public async Task<int> ExitCodeAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> queue, string? line)
    {
        if (line is not null)
        {
            queue.Enqueue(line);
        }
    }

    private static string FindExecutable()
    {
        // Tests run from tests/Sweep.Runner.Tests/bin/CONFIGURATION/TFM/; the Runner builds to src/Sweep.Runner/bin/CONFIGURATION/TFM/.
        var testBinary = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryFiles.Root, "src", "Sweep.Runner", "bin", testBinary.Parent!.Name, testBinary.Name, "sweep.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Sweep.Runner first: the end-to-end tests start its sweep.dll.", path);
    }
}
