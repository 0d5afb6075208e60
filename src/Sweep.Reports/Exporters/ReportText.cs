using System.Globalization;
using Sweep.Models;
using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Reports.Exporters;

/// <summary>The words and numbers every format shares, the same in every culture: statuses and labels in lower case.</summary>
internal static class ReportText
{
    /// <summary>Round-trip text: parsing it back gives the same double.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Six significant digits, enough to tell a fine stage's rates apart.</summary>
    public static string Rate(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Four significant digits for people to read; null is the empty string.</summary>
    public static string Short(double? value) => value?.ToString("G4", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Wall time to the hundredth of a second, never in exponent notation.</summary>
    public static string Seconds(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 trial", "4 trials".</summary>
    public static string Count(int count, string noun) => $"{Integer(count)} {noun}{(count == 1 ? string.Empty : "s")}";

    /// <summary>"final loss 0.2907", or "no final loss" for a trial that has none (it ran no epoch).</summary>
    public static string FinalLoss(double? loss) => loss is { } value ? $"final loss {Short(value)}" : "no final loss";

    /// <summary>ISO 8601 in UTC to the second: <c>2026-11-23T10:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Status(TrialStatus status) => EnumText.Lower(status);

    public static string Label(CurveLabel? label) => label is { } value ? EnumText.Lower(value) : string.Empty;
}
