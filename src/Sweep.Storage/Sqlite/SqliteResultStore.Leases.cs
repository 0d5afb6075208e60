using System.Collections.Immutable;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>The database's clock, in the format every stored time has, so times compare as text.</summary>
    private const string DatabaseNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    /// <summary>When a lease taken or renewed now runs out; <c>@LeaseModifier</c> is <see cref="LeaseModifier"/>.</summary>
    private const string LeaseEnd = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', @LeaseModifier)";

    private const string FailLostTrialsSql = $"""
        UPDATE trials
        SET status = 'failed', error = @Error, ended = {DatabaseNow}, lease_token = NULL, lease_expires = NULL
        WHERE experiment_id = @ExperimentId AND status = 'running' AND attempt >= @MaxAttempts AND lease_expires < {DatabaseNow}
        """;

    private const string RequeueLostTrialsSql = $"""
        UPDATE trials
        SET status = 'pending', attempt = attempt + 1, lease_token = NULL, lease_expires = NULL
        WHERE experiment_id = @ExperimentId AND status = 'running' AND lease_expires < {DatabaseNow}
        """;

    private const string RenewLeaseSql = $"""
        UPDATE trials
        SET lease_expires = {LeaseEnd}
        WHERE experiment_id = @ExperimentId AND id = @TrialId AND lease_token = @LeaseToken AND status = 'running'
        """;

    /// <summary>SQLite's date modifier for the lease, in whole milliseconds.</summary>
    private string LeaseModifier => string.Create(CultureInfo.InvariantCulture, $"+{Lease.TotalMilliseconds / 1000:0.000} seconds");

    public ImmutableArray<bool> RenewLeases(long experimentId, IReadOnlyList<TrialClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            return [];
        }

        return Write(transaction => claims
            .Select(claim => connection.Execute(
                RenewLeaseSql,
                new { ExperimentId = experimentId, claim.TrialId, claim.LeaseToken, LeaseModifier },
                transaction) == 1)
            .ToImmutableArray());
    }

    /// <summary>
    /// Every claimer does this before it claims: a running trial whose lease ran out lost its claimer, so it
    /// goes back to pending as its next attempt, or fails once it was lost <see cref="TrialLeases.MaxAttempts"/> times.
    /// </summary>
    private void RequeueLostTrials(SqliteTransaction transaction, long experimentId)
    {
        connection.Execute(
            FailLostTrialsSql,
            new { ExperimentId = experimentId, Error = TrialLeases.LostError, TrialLeases.MaxAttempts },
            transaction);
        connection.Execute(RequeueLostTrialsSql, new { ExperimentId = experimentId }, transaction);
    }

    private static string NewLeaseToken() => Guid.NewGuid().ToString("N");
}
