namespace Sweep.Runner.Logging;

/// <summary>
/// What the console shows: <see cref="Quiet"/> only errors (and the command's final summary);
/// <see cref="Verbose"/> debug events and stack traces of unexpected errors.
/// </summary>
internal readonly record struct LogSettings(LogFormat Format, bool Quiet, bool Verbose);
