using System.Diagnostics;
using Serilog;

namespace Sweep.Runner.Logging;

/// <summary>
/// Where a command's fixed time goes: each phase it passes (the file checked, the store opened, the trials
/// planned, ...) as a debug event with the milliseconds since the process started, so runtime start-up is
/// counted too. Phases passed before the log exists are kept and written when it is attached.
/// </summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch sinceCreated = Stopwatch.StartNew();
    private readonly double startupMs = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
    private readonly List<(string Phase, double Ms)> early = [];
    private ILogger? log;

    public PhaseClock() => Mark("command started");

    public void Mark(string phase)
    {
        var ms = Math.Round(startupMs + sinceCreated.Elapsed.TotalMilliseconds);
        if (log is null)
        {
            early.Add((phase, ms));
        }
        else
        {
            Write(log, phase, ms);
        }
    }

    public void Attach(ILogger logger)
    {
        log = logger;
        foreach (var (phase, ms) in early)
        {
            Write(logger, phase, ms);
        }

        early.Clear();
    }

    private static void Write(ILogger log, string phase, double ms) =>
        log.Debug("Phase: {Phase} at {ElapsedMs} ms after the process started", phase, ms);
}
