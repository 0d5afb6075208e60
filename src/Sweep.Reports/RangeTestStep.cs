namespace Sweep.Reports;

/// <summary>One step of the learning-rate range test: the rate tried, the batch loss and its smoothed value.</summary>
public readonly record struct RangeTestStep(double LearningRate, double Loss, double SmoothedLoss);
