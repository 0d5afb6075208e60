namespace Sweep.Runner.Running;

/// <summary>The experiment version and run that workers claim trials for, and the plans that say what each trial id trains.</summary>
internal sealed record SweepTarget(long ExperimentId, long RunId, TrialPlans Plans);
