using System.Globalization;

namespace Sweep.Models.Experiments;

/// <summary>
/// One value a search parameter takes: its text as a user would write it (<c>1e-05</c>, <c>0.002</c>,
/// <c>full</c>) and, when numeric, the number.
/// </summary>
public readonly record struct ParameterValue(string Text, double? Number)
{
    /// <summary>A number in its shortest round-trip form with a lower-case exponent: 1e-05, 0.0025, 10.</summary>
    public static ParameterValue Of(double number) =>
        new(number.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant(), number);

    /// <summary>A value from its written text; numeric if the text parses as a number.</summary>
    public static ParameterValue Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? new(text, number)
            : new(text, null);

    public override string ToString() => Text;
}
