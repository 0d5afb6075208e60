using Serilog;
using Sweep.Models.Search;
using Sweep.Models.Trials;
using Sweep.Runner.Logging;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// What each call of the scheduler in one `sweep run` shares: the store, the experiment version and run,
/// the plans of the trials it may claim (a coarse-to-fine search adds each stage's), how a trial runs, the
/// log and the progress title.
/// </summary>
internal sealed record TrialBatch(
    IResultStore Store,
    long ExperimentId,
    long RunId,
    Dictionary<string, TrialPlan> Plan,
    ITrialExecutor Executor,
    ILogger Log,
    ConsoleLevels Levels,
    string Title)
{
    public SweepTarget Target => new(ExperimentId, RunId, Plan);
}
