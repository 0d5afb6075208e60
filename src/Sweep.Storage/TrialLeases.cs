namespace Sweep.Storage;

/// <summary>The rules every store keeps for leases.</summary>
public static class TrialLeases
{
    /// <summary>A trial whose lease was lost this many times fails instead of being queued again: it is likely what kills its workers.</summary>
    public const int MaxAttempts = 3;

    /// <summary>The error a trial fails with after <see cref="MaxAttempts"/> lost leases.</summary>
    public static string LostError => $"lost {MaxAttempts} times";

    /// <summary>A claimer renews at this fraction of the lease, so two renewals can fail before the lease runs out.</summary>
    public static TimeSpan RenewalInterval(TimeSpan lease) => lease / 4;

    /// <summary>
    /// How long after a renewal began a claimer may still train: past it, its lease may have run out by
    /// the database's clock, so it stops its trials first.
    /// </summary>
    public static TimeSpan SafeHold(TimeSpan lease) => lease * 3 / 4;
}
