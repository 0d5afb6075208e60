using System.Globalization;
using Sweep.Models;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>How values are spelt in a store: statuses as lower-case words, times as ISO 8601 UTC text in SQLite, NaN as NULL.</summary>
internal static class StoredValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Now() => Time(DateTimeOffset.UtcNow);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? time) => time is { } t ? Time(t) : null;

    /// <summary>
    /// A stored time as read back: PostgreSQL gives a UTC <see cref="DateTime"/>, SQLite's text is parsed into a
    /// local one (which keeps whether it fell in a repeated daylight-saving hour), and both name the same instant.
    /// </summary>
    public static DateTimeOffset Utc(DateTime time) => new(time.Kind == DateTimeKind.Unspecified
        ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
        : time.ToUniversalTime());

    public static DateTimeOffset? Utc(DateTime? time) => time is { } t ? Utc(t) : null;

    /// <summary>SQLite has no NaN, so no store keeps one: a loss that was not a number is stored as NULL and reads back as NaN from either.</summary>
    public static double? Real(double value) => double.IsNaN(value) ? null : value;

    public static double? Real(double? value) => value is { } v ? Real(v) : null;

    public static string Name(TrialStatus status) => EnumText.Lower(status);

    public static string Name(RunStatus status) => EnumText.Lower(status);

    public static TrialStatus ParseTrialStatus(string text) =>
        Enum.Parse<TrialStatus>(text, ignoreCase: true);

    public static RunStatus ParseRunStatus(string text) =>
        Enum.Parse<RunStatus>(text, ignoreCase: true);
}
