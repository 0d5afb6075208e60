using System.Globalization;

namespace Sweep.Reports;

/// <summary>A searched key other than the learning rate, and the value the search chose (null until it decides).</summary>
public sealed record SearchTarget(string Path, double? Chosen)
{
    /// <summary>The trial's value of the key, or NaN when the trial did not search it.</summary>
    public double ValueOf(TrialRow trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        foreach (var parameter in trial.Parameters)
        {
            if (parameter.Path == Path && double.TryParse(parameter.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return double.NaN;
    }
}
