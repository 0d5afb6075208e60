namespace Sweep.Storage;

/// <summary>How a store is used by this process: how long a claim holds its trial without renewal.</summary>
public sealed record StoreOptions
{
    public static StoreOptions Default { get; } = new();

    /// <summary>
    /// Long enough that a busy machine renews in time (its writer renews every quarter of it), short enough
    /// that a trial of a vanished worker is re-run within a minute.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an operation on a database server keeps retrying, on a new connection, after the connection
    /// broke or the server restarted, before it fails: long enough for a server restart or a network blip.
    /// </summary>
    internal TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(60);
}
