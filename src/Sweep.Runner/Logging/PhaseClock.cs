using System.Diagnostics;
using System.Runtime;
using Serilog;

namespace Sweep.Runner.Logging;

/// <summary>
/// Where a command's fixed time goes: each phase it passes (the file checked, the store opened, the trials
/// planned, ...) as a debug event with the milliseconds since the process started, so runtime start-up is
/// counted too, and how many methods the JIT had compiled by then and the time it took: on a loaded machine
/// the milliseconds vary, the compiled methods do not. Phases passed before the log exists are kept and
/// written when it is attached.
/// </summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch sinceCreated = Stopwatch.StartNew();
    private readonly double startupMs = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
    private readonly List<Passed> early = [];
    private ILogger? log;

    public PhaseClock() => Mark("command started");

    public void Mark(string phase)
    {
        var passed = new Passed(
            phase,
            Math.Round(startupMs + sinceCreated.Elapsed.TotalMilliseconds),
            JitInfo.GetCompiledMethodCount(),
            Math.Round(JitInfo.GetCompilationTime().TotalMilliseconds));
        if (log is null)
        {
            early.Add(passed);
        }
        else
        {
            Write(log, passed);
        }
    }

    public void Attach(ILogger logger)
    {
        log = logger;
        foreach (var passed in early)
        {
            Write(logger, passed);
        }

        early.Clear();
    }

    private static void Write(ILogger log, Passed passed) =>
        log.Debug(
            "Phase: {Phase} at {ElapsedMs} ms after the process started ({JitMethods} methods compiled in {JitMs} ms)",
            passed.Phase,
            passed.Ms,
            passed.JitMethods,
            passed.JitMs);

    private readonly record struct Passed(string Phase, double Ms, long JitMethods, double JitMs);
}
