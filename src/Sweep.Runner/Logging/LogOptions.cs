using System.CommandLine;
using Sweep.Models;

namespace Sweep.Runner.Logging;

/// <summary>
/// --verbose, --quiet and --log-format: declared once on the root command and inherited by every command, so
/// each takes them in the same way, before or after its name.
/// </summary>
internal sealed class LogOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show debug events, and stack traces of unexpected errors.",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Show only errors and the final summary.",
        Recursive = true,
    };

    /// <summary>Written and read in lower case, as the log and the README spell the formats; any case is accepted.</summary>
    public Option<LogFormat?> Format { get; } = new("--log-format")
    {
        Description = "text for people (the default), json for tools (compact JSON, one event a line; the final summary too).",
        HelpName = string.Join('|', Enum.GetValues<LogFormat>().Select(EnumText.Lower)),
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            var format = Enum.GetValues<LogFormat>().Where(f => string.Equals(EnumText.Lower(f), text, StringComparison.OrdinalIgnoreCase)).Select(f => (LogFormat?)f).FirstOrDefault();
            if (format is null)
            {
                result.AddError($"--log-format takes text or json, not '{text}'.");
            }

            return format;
        },
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Verbose);
        root.Options.Add(Quiet);
        root.Options.Add(Format);
    }

    public LogSettings Read(ParseResult parsed) =>
        new(parsed.GetValue(Format) ?? LogFormat.Text, parsed.GetValue(Quiet), parsed.GetValue(Verbose));
}
