using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Sweep.Runner.Logging;

/// <summary>
/// The logger of one command: information and debug events to stdout, warnings and errors to stderr, and
/// (for <c>sweep run</c>) every event from debug up to a log file. Exceptions print their stack trace only
/// with --verbose; otherwise a failure is its one-line message.
/// </summary>
internal static class SweepLog
{
    private const string ConsoleTemplate = "{Message:lj}{NewLine}";
    // Errors read as every other error of the command line does; warnings say that they are one.
    private const string ConsoleErrorTemplate = CliError.Prefix + "{Message:lj}{NewLine}";
    private const string ConsoleWarningTemplate = CliError.Prefix + "warning: {Message:lj}{NewLine}";
    private const string VerboseTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static (Logger Logger, ConsoleLevels Levels) Create(LogSettings settings, TextWriter output, TextWriter error, string? logFile)
    {
        var levels = new ConsoleLevels(
            settings.Quiet ? LogEventLevel.Fatal : settings.Verbose ? LogEventLevel.Debug : LogEventLevel.Information,
            settings.Quiet ? LogEventLevel.Error : LogEventLevel.Warning);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Logger(stdout => stdout
                .MinimumLevel.ControlledBy(levels.Output)
                .Filter.ByIncludingOnly(e => e.Level < LogEventLevel.Warning)
                .WriteTo.Sink(new TextWriterSink(output, ConsoleFormatter(settings, ConsoleTemplate))))
            .WriteTo.Logger(stderr => stderr
                .MinimumLevel.ControlledBy(levels.Error)
                .Filter.ByIncludingOnly(e => e.Level == LogEventLevel.Warning)
                .WriteTo.Sink(new TextWriterSink(error, ConsoleFormatter(settings, ConsoleWarningTemplate))))
            .WriteTo.Logger(stderr => stderr
                .MinimumLevel.ControlledBy(levels.Error)
                .Filter.ByIncludingOnly(e => e.Level > LogEventLevel.Warning)
                .WriteTo.Sink(new TextWriterSink(error, ConsoleFormatter(settings, ConsoleErrorTemplate))));
        if (logFile is not null)
        {
            ITextFormatter fileFormatter = settings.Format == LogFormat.Json
                ? new CompactJsonFormatter()
                : new MessageTemplateTextFormatter(FileTemplate, CultureInfo.InvariantCulture);
            // Shared: two sweeps writing to one --out folder append to the same file without failing.
            configuration = configuration.WriteTo.File(fileFormatter, logFile, shared: true);
        }

        return (configuration.CreateLogger(), levels);
    }

    private static ITextFormatter ConsoleFormatter(LogSettings settings, string template) =>
        settings.Format == LogFormat.Json
            ? new CompactJsonFormatter()
            : new MessageTemplateTextFormatter(settings.Verbose ? VerboseTemplate : template, CultureInfo.InvariantCulture);
}
