using System.Diagnostics;
using System.Globalization;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// Ends the running trials' process groups when sweep itself dies without a chance to stop them (kill -9,
/// a crash, the machine's OOM killer). A small /bin/sh, started once per sweep process, keeps the list of
/// live groups it is told on its stdin; when sweep dies the kernel closes the pipe, the shell reads end of
/// file, and it sends each group SIGTERM and, after the grace, SIGKILL. It ignores SIGINT, SIGTERM and SIGHUP
/// so that a Ctrl+C in the terminal, which reaches sweep's whole process group, leaves the clean stop to sweep.
/// </summary>
internal sealed class OrphanGuard
{
    private const string Script = """
        trap '' INT TERM HUP
        groups=' '; grace=0
        while read -r op group wait; do
          case $op in
            +) groups="$groups$group "; [ "$wait" -gt "$grace" ] && grace=$wait ;;
            -) kept=' '; for g in $groups; do [ "$g" = "$group" ] || kept="$kept$g "; done; groups=$kept ;;
          esac
        done
        [ -z "${groups# }" ] && exit 0
        for g in $groups; do kill -TERM -"$g" 2>/dev/null; done
        sleep "$grace"
        for g in $groups; do kill -KILL -"$g" 2>/dev/null; done
        """;

    private static readonly Lazy<OrphanGuard?> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process shell;
    private readonly Lock gate = new();

    private OrphanGuard(Process shell) => this.shell = shell;

    /// <summary>The guard of this sweep process; null when /bin/sh cannot be started (trials still stop cleanly otherwise).</summary>
    public static OrphanGuard? Instance => Shared.Value;

    public void Watch(int group, TimeSpan grace) =>
        Tell(string.Create(CultureInfo.InvariantCulture, $"+ {group} {(int)Math.Ceiling(grace.TotalSeconds)}"));

    public void Forget(int group) => Tell(string.Create(CultureInfo.InvariantCulture, $"- {group} 0"));

    private void Tell(string line)
    {
        lock (gate)
        {
            try
            {
                shell.StandardInput.WriteLine(line);
                shell.StandardInput.Flush();
            }
            catch (IOException)
            {
                // The guard is gone (someone killed it); trials are still stopped by sweep itself.
            }
        }
    }

    private static OrphanGuard? Start()
    {
        try
        {
            var start = new ProcessStartInfo("/bin/sh", ["-c", Script])
            {
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            return Process.Start(start) is { } shell ? new OrphanGuard(shell) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
    }
}
