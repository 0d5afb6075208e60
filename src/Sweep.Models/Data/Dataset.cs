namespace Sweep.Models.Data;

/// <summary>
/// The data a trial trains on: the training samples, the validation samples when there are any, and
/// whether the targets are one-hot classes (then accuracy is recorded).
/// </summary>
public sealed record Dataset(SampleSet Train, SampleSet? Validation, bool IsClassification)
{
    public int Features => Train.Features;

    public int Targets => Train.Targets;
}
