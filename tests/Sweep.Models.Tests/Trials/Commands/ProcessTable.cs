namespace Sweep.Models.Tests.Trials.Commands;

/// <summary>The machine's processes as /proc lists them: whether a pid or a marker in a command line is still there.</summary>
internal static class ProcessTable
{
    public static bool IsRunning(int pid)
    {
        // A zombie has exited; only its parent has yet to read its status. A process that ends while it is
        // read takes its /proc folder with it.
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Live processes whose command line contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> WithMarker(string marker) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(System.IO.Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains(marker, StringComparison.Ordinal) && IsRunning(pid))];

    /// <summary>Waits up to <paramref name="patience"/> for <paramref name="pid"/> to be gone.</summary>
    public static bool IsGone(int pid, TimeSpan patience)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (clock.Elapsed > patience)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>The processes still carrying <paramref name="marker"/> once none is left or <paramref name="patience"/> is up.</summary>
    public static IReadOnlyList<int> LeftWithMarker(string marker, TimeSpan patience)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var left = WithMarker(marker);
            if (left.Count == 0 || clock.Elapsed >= patience)
            {
                return left;
            }

            Thread.Sleep(50);
        }
    }
}
