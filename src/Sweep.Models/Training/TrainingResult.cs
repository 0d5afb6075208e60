using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Models.Training;

/// <summary>How a training run ended and what each of its epochs recorded, first epoch first.</summary>
public sealed record TrainingResult(TrialStatus Status, ImmutableArray<EpochRecord> Epochs);
