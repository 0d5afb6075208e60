using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>
/// One trial as <c>sweep show</c> prints it: its row, its resolved configuration (canonical JSON), the
/// numbers behind its diagnosis (JSON, when diagnosed) and its epochs in order.
/// </summary>
public sealed record TrialDetail(
    TrialSummary Trial,
    string ConfigurationJson,
    string? DiagnosisJson,
    ImmutableArray<EpochRecord> Epochs);
