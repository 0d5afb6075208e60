using System.CommandLine;
using System.CommandLine.Parsing;
using Sweep.Models;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>Options several commands share, declared once; each command gets instances of its own.</summary>
internal static class CommonOptions
{
    public const string DefaultStore = "sweep.db";

    /// <summary>The variable that, when set, is the default for --db (CI jobs set it once for every command).</summary>
    public const string StoreVariable = "SWEEP_DB";

    public static Option<string> Store()
    {
        var option = new Option<string>("--db")
        {
            Description = $"The result store: a SQLite file, or a PostgreSQL URL (postgres://user@host:port/db). Default: ${StoreVariable} when set, else {DefaultStore}.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultStore,
        };
        option.Validators.Add(RefuseFolder);
        return option;
    }

    /// <summary>
    /// A folder given as --db is the user's mistake in the path, not a store that failed: SQLite could only
    /// report that it cannot open it.
    /// </summary>
    public static void RefuseFolder(OptionResult result)
    {
        if (result.GetValueOrDefault<string?>() is { } path && !ResultStores.IsServer(path) && Directory.Exists(path))
        {
            result.AddError($"--db '{path}' is a folder, not a file; pass a SQLite file (created when missing) or a PostgreSQL URL.");
        }
    }

    public static Option<string?> Summary() => new("--summary")
    {
        Description = "Also append summary.md to this file, for a CI system's job page (GitHub Actions' GITHUB_STEP_SUMMARY is appended to without it).",
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
