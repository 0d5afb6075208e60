using System.Text.RegularExpressions;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// The <c>{name}</c> placeholders of a trainer's command and environment. Only a brace around a dot path
/// (letters, digits, _ and .) is a placeholder, so shell variables such as <c>${HOME}</c> and JSON
/// literals such as <c>{"a": 1}</c> pass through untouched.
/// </summary>
public static partial class Placeholders
{
    /// <summary>The trial's id.</summary>
    public const string TrialId = "trial_id";

    /// <summary>The trial's own folder, created before the program starts.</summary>
    public const string TrialDir = "trial_dir";

    /// <summary>One <c>--NAME=VALUE</c> argument per searched parameter.</summary>
    public const string Args = "args";

    /// <summary>The names in <paramref name="text"/> with their offsets, in order.</summary>
    public static IEnumerable<(string Name, int Offset)> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pattern().Matches(text).Select(m => (m.Groups[1].Value, m.Index));
    }

    /// <summary><paramref name="text"/> with each placeholder replaced by <paramref name="value"/>'s answer.</summary>
    public static string Expand(string text, Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('{', StringComparison.Ordinal) ? Pattern().Replace(text, m => value(m.Groups[1].Value)) : text;
    }

    /// <summary>Whether <paramref name="name"/> is known for an experiment whose keys are <paramref name="paths"/>.</summary>
    public static bool IsKnown(string name, ISet<string> paths) =>
        name is TrialId or TrialDir or Args || paths.Contains(name);

    [GeneratedRegex(@"(?<!\$)\{([A-Za-z_][A-Za-z0-9_.]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
