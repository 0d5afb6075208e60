namespace Sweep.Storage;

/// <summary>
/// One update of a learning-rate range test: the rate used, the batch loss and its exponentially smoothed
/// value (NaN when the loss was not a number).
/// </summary>
public readonly record struct RangeTestStep(int Step, double LearningRate, double Loss, double SmoothedLoss);
