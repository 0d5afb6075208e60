using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Sweep.Runner.Logging;

/// <summary>
/// Writes events to a <see cref="TextWriter"/>: the process's stdout or stderr, or a test's
/// <see cref="StringWriter"/>. One event at a time, so lines from parallel trials never interleave.
/// </summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
