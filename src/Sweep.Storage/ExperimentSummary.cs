namespace Sweep.Storage;

/// <summary>
/// One experiment version as <c>sweep list</c> shows it: its runs, its trials by status, and the lowest
/// losses among its completed trials (null until one completes, or without validation data).
/// </summary>
public sealed record ExperimentSummary(
    long Id,
    string Name,
    int Version,
    string Hash,
    string File,
    DateTimeOffset Created,
    int Runs,
    DateTimeOffset? LastRun,
    TrialCounts Trials,
    double? BestTrainLoss,
    double? BestValidationLoss);
