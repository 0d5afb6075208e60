namespace Sweep.Models.Results;

public static class TrialStatusExtensions
{
    /// <summary>Whether a trial with this status is done for good: a resume never runs it again.</summary>
    public static bool IsFinished(this TrialStatus status) => status is TrialStatus.Completed or TrialStatus.Diverged or TrialStatus.Failed;
}
