namespace Sweep.Reports;

/// <summary>
/// Every trial of a sweep, for the files that list them all (<c>trials.csv</c>, <c>epochs.csv</c>,
/// <c>report.json</c>): read afresh, one trial at a time, each time it is enumerated, so a sweep of any size is
/// written without holding its trials or their epochs.
/// </summary>
public interface ITrialSource
{
    /// <summary>How many trials <see cref="Read"/> gives.</summary>
    int Count { get; }

    /// <summary>The trials with their epochs, in the store's order (stage, then plan number).</summary>
    IEnumerable<TrialRow> Read();

    /// <summary>The names of the further metrics any trial's epochs report, each once, in any order; asked without reading the trials.</summary>
    IReadOnlyCollection<string> MetricNames();
}
