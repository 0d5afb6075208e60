namespace Sweep.Storage;

/// <summary>A claimed trial that has ended, waiting to be recorded; <paramref name="Ended"/> is when it ended, not when it is written.</summary>
public sealed record FinishedTrial(string TrialId, TrialOutcome Outcome, DateTimeOffset Ended);
