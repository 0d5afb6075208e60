using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>
/// One trial as <c>sweep show</c> prints it: its row (with the numbers behind its diagnosis), its resolved
/// configuration (canonical JSON) and its epochs in order.
/// </summary>
public sealed record TrialDetail(
    TrialSummary Trial,
    string ConfigurationJson,
    ImmutableArray<EpochRecord> Epochs)
{
    /// <summary>The trial as the read model holds it, with its epochs and its whole diagnosis.</summary>
    public TrialRecord ToRecord() => SweepRecords.RecordOf(Trial, Epochs);
}
