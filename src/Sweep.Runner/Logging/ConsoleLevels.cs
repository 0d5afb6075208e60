using Serilog.Core;
using Serilog.Events;

namespace Sweep.Runner.Logging;

/// <summary>
/// The lowest levels the console shows on stdout (information and debug events) and on stderr (warnings
/// and errors). A live display takes the terminal over with <see cref="Pause"/>: while it shows, only
/// errors reach the console; the log file keeps everything.
/// </summary>
internal sealed class ConsoleLevels(LogEventLevel output, LogEventLevel error)
{
    public LoggingLevelSwitch Output { get; } = new(output);

    public LoggingLevelSwitch Error { get; } = new(error);

    public IDisposable Pause()
    {
        var (output, error) = (Output.MinimumLevel, Error.MinimumLevel);
        Output.MinimumLevel = LogEventLevel.Fatal;
        Error.MinimumLevel = LogEventLevel.Error;
        return new Restore(() => (Output.MinimumLevel, Error.MinimumLevel) = (output, error));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
