using System.Collections.Immutable;

namespace Sweep.Storage;

/// <summary>
/// What a <see cref="RunBatch"/> did: for each finished trial, in order, whether it was recorded (false when
/// another run had taken it over), and the trials newly claimed, in claim order (fewer than asked when
/// no more are claimable).
/// </summary>
public sealed record RunBatchResult(ImmutableArray<bool> Recorded, ImmutableArray<TrialClaim> Claimed);
