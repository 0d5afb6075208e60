namespace Sweep.Storage;

/// <summary>
/// Where a run (one <c>sweep run</c> process) stands: running until it ends; completed when every trial it
/// ran has a result; failed when some trial threw; interrupted when stopped (Ctrl+C) or found killed.
/// </summary>
public enum RunStatus
{
    Running,
    Completed,
    Failed,
    Interrupted,
}
