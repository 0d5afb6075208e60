namespace Sweep.Models.Search;

/// <summary>One mini-batch of a range test: its index from 0, the rate it was updated at, its loss before the update and the smoothed loss.</summary>
public readonly record struct RangeTestStep(int Step, double LearningRate, double Loss, double SmoothedLoss);
