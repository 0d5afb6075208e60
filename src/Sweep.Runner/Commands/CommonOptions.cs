using System.CommandLine;
using Sweep.Models;
using Sweep.Runner.Logging;

namespace Sweep.Runner.Commands;

/// <summary>Options several commands share, declared once; each command gets instances of its own.</summary>
internal static class CommonOptions
{
    public const string DefaultStore = "sweep.db";

    /// <summary>The variable that, when set, is the default for --db (CI jobs set it once for every command).</summary>
    public const string StoreVariable = "SWEEP_DB";

    public static Option<string> Store() => new("--db")
    {
        Description = $"The result store: a SQLite file, or a PostgreSQL URL (postgres://user@host:port/db). Default: ${StoreVariable} when set, else {DefaultStore}.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultStore,
    };

    public static Option<string?> Summary() => new("--summary")
    {
        Description = "Also append summary.md to this file, for a CI system's job page (GitHub Actions' GITHUB_STEP_SUMMARY is appended to without it).",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Show debug events, and stack traces of unexpected errors." };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Show only errors and the final summary." };

    public static Option<LogFormat> LogFormat() => new("--log-format")
    {
        Description = "text for people, json for tools (compact JSON, one event a line; the final summary too).",
        DefaultValueFactory = _ => Logging.LogFormat.Text,
    };

    /// <summary>
    /// An option that must be a whole number of at least 1. Parsed here rather than validated after the
    /// default conversion, so text that is no number is a parse error (exit 2), not an exception.
    /// </summary>
    public static Option<int?> Count(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1)
            {
                return count;
            }

            result.AddError($"{name} takes a whole number of at least 1, not '{text}'.");
            return null;
        },
    };

    /// <summary>A positive duration such as 90s, 10m or 1h30m.</summary>
    public static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DurationText.TryParse(text, out var duration) && duration > TimeSpan.Zero)
            {
                return duration;
            }

            result.AddError($"{name} takes a duration such as 90s, 10m or 1h30m, not '{text}'.");
            return null;
        },
    };
}
