namespace Sweep.Models.Stopping;

/// <summary>What an <see cref="EarlyStopPolicy"/> says after an epoch: go on, or stop and why.</summary>
public enum EpochVerdict
{
    /// <summary>Run the next epoch.</summary>
    Continue,
    /// <summary>The loss blew up: the trial ends as diverged.</summary>
    Diverged,
    /// <summary>The watched loss has not improved for the patience's epochs: the trial ends as completed.</summary>
    PatienceRanOut,
}
