using System.Globalization;

namespace Sweep.Runner.Progress;

/// <summary>A count with its noun, singular or plural: "1 trial", "3 trials".</summary>
internal static class Counted
{
    public static string Of(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
