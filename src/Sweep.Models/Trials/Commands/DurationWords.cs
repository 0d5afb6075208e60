using System.Globalization;

namespace Sweep.Models.Trials.Commands;

/// <summary>A duration as the experiment file writes it: 2h, 10m, 1h30m, 90s, 1.5s, 500ms.</summary>
internal static class DurationWords
{
    public static string Of(TimeSpan duration)
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
}
