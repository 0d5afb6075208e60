namespace Sweep.Storage;

/// <summary>How many trials of an experiment are in each status.</summary>
public readonly record struct TrialCounts(int Pending, int Running, int Completed, int Diverged, int Failed, int Interrupted)
{
    public int Total => Pending + Running + Completed + Diverged + Failed + Interrupted;

    /// <summary>Trials with a result: completed, diverged or failed.</summary>
    public int Finished => Completed + Diverged + Failed;

    /// <summary>Trials still to run or running: pending, running or interrupted.</summary>
    public int Unfinished => Total - Finished;
}
