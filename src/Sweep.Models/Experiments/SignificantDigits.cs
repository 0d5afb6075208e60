using System.Globalization;

namespace Sweep.Models.Experiments;

/// <summary>Rounding to significant digits, so generated values print as a person would write them (0.0017, 2.15443469003188).</summary>
public static class SignificantDigits
{
    /// <summary>15 digits is what a double holds exactly in decimal: enough to remove binary noise and nothing more.</summary>
    public static double Round(double value, int digits = 15) =>
        double.Parse(value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
