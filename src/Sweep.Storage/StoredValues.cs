using System.Globalization;
using Sweep.Models;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>How values are spelt in the file: statuses as lower-case words, times as ISO 8601 UTC text, NaN as NULL.</summary>
internal static class StoredValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Now() => Time(DateTimeOffset.UtcNow);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseTimeOrNull(string? text) => text is null ? null : ParseTime(text);

    /// <summary>SQLite has no NaN: a loss that was not a number is stored as NULL.</summary>
    public static double? Real(double value) => double.IsNaN(value) ? null : value;

    public static double? Real(double? value) => value is { } v ? Real(v) : null;

    public static string Name(TrialStatus status) => EnumText.Lower(status);

    public static string Name(RunStatus status) => EnumText.Lower(status);

    public static TrialStatus ParseTrialStatus(string text) =>
        Enum.Parse<TrialStatus>(text, ignoreCase: true);

    public static RunStatus ParseRunStatus(string text) =>
        Enum.Parse<RunStatus>(text, ignoreCase: true);
}
