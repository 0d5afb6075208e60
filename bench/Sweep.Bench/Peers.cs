using System.Diagnostics;

namespace Sweep.Bench;

/// <summary>The peer scripts of ../shared/peers, run in the same benchmark as Sweep.</summary>
internal static class Peers
{
    /// <summary>Debian's python3, which has PyTorch and Optuna (a python3 earlier on PATH may not).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; its result is the last line it prints.</summary>
    public static string LastLine(string script, params string[] arguments)
    {
        var path = Path.GetFullPath(Path.Combine(EngineWorkload.RepositoryRoot(), "..", "shared", "peers", script));
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var peer = Process.Start(start)!;
        // Read while the peer runs, so a full stderr pipe cannot stall it.
        var error = peer.StandardError.ReadToEndAsync();
        var lines = peer.StandardOutput.ReadToEnd().Trim().Split('\n');
        peer.WaitForExit();
        return peer.ExitCode == 0 ? lines[^1] : throw new InvalidOperationException($"{script} exited {peer.ExitCode}: {error.Result}");
    }
}
