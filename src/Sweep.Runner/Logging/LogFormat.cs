namespace Sweep.Runner.Logging;

/// <summary>How log events are written: lines for people, or compact JSON (one object a line) for tools.</summary>
internal enum LogFormat
{
    Text,
    Json,
}
