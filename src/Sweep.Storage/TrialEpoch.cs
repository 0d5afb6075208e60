using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>One epoch of one trial, as a long-format report row needs it.</summary>
public readonly record struct TrialEpoch(string TrialId, EpochRecord Epoch);
