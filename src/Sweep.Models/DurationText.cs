using System.Globalization;
using System.Text.RegularExpressions;

namespace Sweep.Models;

/// <summary>
/// Durations as people write them, on the command line and in experiment files: 2h, 10m, 1h30m, 90s, 1.5s,
/// 500ms. One reader and two writers, so an option, a YAML key and a message never disagree on the form.
/// </summary>
public static partial class DurationText
{
    /// <summary>Reads a duration, zero included (a kill grace of 0s); false for anything else.</summary>
    public static bool TryRead(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        duration = TimeSpan.FromHours(Part(match, "h")) + TimeSpan.FromMinutes(Part(match, "m"))
            + TimeSpan.FromSeconds(Part(match, "s")) + TimeSpan.FromMilliseconds(Part(match, "ms"));
        return true;
    }

    /// <summary>Reads a positive duration; false for zero and anything that is not a duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration) => TryRead(text, out duration) && duration > TimeSpan.Zero;

    /// <summary>A duration for a progress line or a log: 1h30m00s, 1m30s, 1.5s.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h{duration.Minutes:00}m{duration.Seconds:00}s")
            : duration.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m{duration.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s");

    /// <summary>A duration as the experiment file writes it (2h, 1h30m, 90s, 500ms), for messages that quote a setting.</summary>
    public static string Words(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms");
        }

        var hours = (int)duration.TotalHours;
        var text = (hours > 0 ? $"{hours}h" : "") + (duration.Minutes > 0 ? $"{duration.Minutes}m" : "");
        var seconds = duration.TotalSeconds - (hours * 3600) - (duration.Minutes * 60);
        return seconds > 0 || text.Length == 0 ? text + string.Create(CultureInfo.InvariantCulture, $"{seconds:0.###}s") : text;
    }

    private static double Part(Match match, string unit) =>
        match.Groups[unit].Success ? double.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
