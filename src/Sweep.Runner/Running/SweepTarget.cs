using Sweep.Models.Search;

namespace Sweep.Runner.Running;

/// <summary>The experiment version and run that workers claim trials for, and the plan that says what each trial id trains.</summary>
internal sealed record SweepTarget(long ExperimentId, long RunId, IReadOnlyDictionary<string, TrialPlan> Plan);
