using System.CommandLine;
using Sweep.Runner.Logging;

namespace Sweep.Runner.Commands;

/// <summary>Options several commands share, declared once; each command gets instances of its own.</summary>
internal static class CommonOptions
{
    public const string DefaultStore = "sweep.db";

    public static Option<string> Store() => new("--db")
    {
        Description = "The result store (SQLite file).",
        DefaultValueFactory = _ => DefaultStore,
    };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Show debug events, and stack traces of unexpected errors." };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Show only errors and the final summary." };

    public static Option<LogFormat> LogFormat() => new("--log-format")
    {
        Description = "text for people, json for tools (compact JSON, one event a line; the final summary too).",
        DefaultValueFactory = _ => Logging.LogFormat.Text,
    };

    /// <summary>An option that must be a whole number of at least 1.</summary>
    public static Option<int?> Count(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError($"{name} must be at least 1.");
            }
        });
        return option;
    }
}
