using Sweep.Reports;
using Sweep.Storage;

namespace Sweep.Runner.Reporting;

/// <summary>Every trial of a stored experiment version, read from the store a page at a time each time the files that list them all are written.</summary>
internal sealed class StoredTrials(IResultStore store, long experimentId, int count) : ITrialSource
{
    public int Count => count;

    public IEnumerable<TrialRow> Read() => store.ReadTrials(experimentId).Select(ReportBuilder.Row);

    public IReadOnlyCollection<string> MetricNames() => store.ReadMetricNames(experimentId);
}
