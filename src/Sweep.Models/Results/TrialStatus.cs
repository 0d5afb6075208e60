namespace Sweep.Models.Results;

/// <summary>Where a trial stands. Diverged is a result, not a failure; failed means it threw.</summary>
public enum TrialStatus
{
    Pending,
    Running,
    Completed,
    Diverged,
    Failed,
    Interrupted,
}
