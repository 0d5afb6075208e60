namespace Sweep.Storage;

/// <summary>One run of an experiment version: when and where it ran, how it ended, and which Sweep ran it.</summary>
public sealed record RunSummary(
    long Id,
    long ExperimentId,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    string Host,
    int ProcessId,
    RunStatus Status,
    string SweepVersion);
