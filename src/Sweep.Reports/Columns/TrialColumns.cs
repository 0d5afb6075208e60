using System.Collections.Immutable;
using System.Globalization;

namespace Sweep.Reports.Columns;

/// <summary>
/// The columns of a report's tables of trials beyond the fixed ones: one per searched key, whatever its path, so
/// a new parameter appears in every table without touching an exporter. Keys the fixed columns already show
/// (the learning rate, the weight decays and the batch) are not repeated.
/// </summary>
public static class TrialColumns
{
    private static readonly ImmutableHashSet<string> Fixed = ImmutableHashSet.Create(
        StringComparer.Ordinal, "training.learning_rate", "training.weight_decay.l1", "training.weight_decay.l2", "training.batch");

    /// <summary>A column per searched key of the report that no fixed column shows, in the experiment's order.</summary>
    public static ImmutableArray<ITrialColumn> Searched(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var paths = report.Parameters.IsEmpty
            ? report.Trials.SelectMany(t => t.Parameters.Select(p => p.Path)).Distinct(StringComparer.Ordinal)
            : report.Parameters;
        return [.. paths
            .Where(path => !Fixed.Contains(path))
            .Select(path => (ITrialColumn)new ParameterColumn(path, report.Trials.All(t => t.ValueOf(path) is var text && (text.Length == 0 || IsNumber(text)))))];
    }

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
