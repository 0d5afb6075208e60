using Sweep.Runner.Logging;

namespace Sweep.Runner.Running;

/// <summary>What `sweep worker` was asked to do: the options as given, nulls where the user gave none.</summary>
internal sealed record WorkerSettings(
    string StorePath,
    string? Experiment,
    int? Parallel,
    TimeSpan? IdleExit,
    TimeSpan Lease,
    string OutputFolder,
    LogSettings Log);
