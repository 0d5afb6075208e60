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
    ImmutableArray<EpochRecord> Epochs);
