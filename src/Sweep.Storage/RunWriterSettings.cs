namespace Sweep.Storage;

/// <summary>
/// How a <see cref="RunWriter"/> batches. A finished trial waits at most <see cref="FlushInterval"/> (or
/// until <see cref="MaxRowsPerBatch"/> epoch rows are waiting) before it is committed; the writer keeps
/// about <see cref="ClaimHorizon"/> worth of trials claimed ahead, at the rate trials have been finishing,
/// and never more than <see cref="MaxClaimsAhead"/>, so slow trials are claimed one at a time and stay free
/// for other processes on the store. <see cref="SpareClaims"/> are kept queued whatever the rate, so a worker
/// that finishes a trial finds the next one without waiting for a transaction.
/// </summary>
public sealed record RunWriterSettings
{
    public static RunWriterSettings Default { get; } = new();

    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    public int MaxRowsPerBatch { get; init; } = 50_000;

    public TimeSpan ClaimHorizon { get; init; } = TimeSpan.FromMilliseconds(50);

    public int MaxClaimsAhead { get; init; } = 256;

    /// <summary>Claims kept queued at least (one per worker is what `sweep run` asks for).</summary>
    public int SpareClaims { get; init; }
}
