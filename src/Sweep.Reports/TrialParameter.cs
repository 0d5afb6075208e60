namespace Sweep.Reports;

/// <summary>One searched parameter of a trial as the experiment names it (<c>training.learning_rate</c>) and its value as text.</summary>
public readonly record struct TrialParameter(string Path, string Text);
