using Serilog;
using Sweep.Models.Trials;
using Sweep.Runner.Logging;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// What each call of the scheduler on one experiment version shares: the store, the version and this
/// process's run, the plans of the trials it may claim, how a trial runs, the log and the progress title.
/// </summary>
internal sealed record TrialBatch(
    IResultStore Store,
    long ExperimentId,
    long RunId,
    TrialPlans Plans,
    ITrialExecutor Executor,
    ILogger Log,
    ConsoleLevels Levels,
    string Title)
{
    public SweepTarget Target => new(ExperimentId, RunId, Plans);
}
