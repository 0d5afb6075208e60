using System.Collections.Immutable;
using Dapper;
using Npgsql;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    /// <summary>
    /// When a lease taken or renewed now runs out, by the server's clock at this moment (not the transaction's
    /// start, which may be a while back in a long batch); <c>@LeaseSeconds</c> is <see cref="Lease"/>.
    /// </summary>
    private const string LeaseEnd = "clock_timestamp() + @LeaseSeconds * interval '1 second'";

    /// <summary>
    /// Both updates in one round trip: failing the trials lost too often, then putting the other lost trials
    /// back to pending as their next attempt.
    /// </summary>
    private const string RequeueLostTrialsSql = """
        UPDATE trials
        SET status = 'failed', error = @Error, ended = now(), lease_token = NULL, lease_expires = NULL
        WHERE experiment_id = @ExperimentId AND status = 'running' AND attempt >= @MaxAttempts AND lease_expires < clock_timestamp();
        UPDATE trials
        SET status = 'pending', attempt = attempt + 1, lease_token = NULL, lease_expires = NULL
        WHERE experiment_id = @ExperimentId AND status = 'running' AND lease_expires < clock_timestamp()
        """;

    /// <summary>
    /// Takes the first claimable rows in plan order that no other transaction is claiming right now
    /// (<c>SKIP LOCKED</c>: concurrent claimers take the next rows instead of waiting, and never the same
    /// row), marks them running under one lease, and returns them as they were before, in plan order.
    /// </summary>
    private const string ClaimSql = $"""
        WITH picked AS (
            SELECT trial_key, id, attempt, status, run_id, started, ended, stage, number
            FROM trials
            WHERE experiment_id = @ExperimentId AND {TrialSql.ClaimableCondition}
            ORDER BY stage, number, id
            LIMIT @Count
            FOR UPDATE SKIP LOCKED
        ), claimed AS (
            UPDATE trials AS t
            SET status = 'running', run_id = @RunId, started = now(), ended = NULL, error = NULL,
                lease_token = @LeaseToken, lease_expires = {LeaseEnd}
            FROM picked AS p
            WHERE t.trial_key = p.trial_key
            RETURNING p.id, p.attempt, p.status, p.run_id, p.started, p.ended, p.stage, p.number
        )
        SELECT id AS TrialId, attempt AS Attempt, status AS PreviousStatus, run_id AS PreviousRunId,
               started AS PreviousStarted, ended AS PreviousEnded
        FROM claimed
        ORDER BY stage, number, id
        """;

    private const string RenewLeasesSql = $"""
        UPDATE trials AS t
        SET lease_expires = {LeaseEnd}
        FROM unnest(@TrialIds, @LeaseTokens) AS c (id, lease_token)
        WHERE t.experiment_id = @ExperimentId AND t.id = c.id AND t.lease_token = c.lease_token AND t.status = 'running'
        RETURNING t.id
        """;

    private double LeaseSeconds => Lease.TotalSeconds;

    public ImmutableArray<TrialClaim> ClaimTrials(long experimentId, long runId, int count) =>
        Run((connection, transaction) => Claim(connection, transaction, experimentId, runId, count));

    public ImmutableArray<bool> RenewLeases(long experimentId, IReadOnlyList<TrialClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            return [];
        }

        var held = Run((connection, transaction) => connection.Query<string>(
            RenewLeasesSql,
            new
            {
                ExperimentId = experimentId,
                TrialIds = claims.Select(c => c.TrialId).ToArray(),
                LeaseTokens = claims.Select(c => c.LeaseToken).ToArray(),
                LeaseSeconds,
            },
            transaction).ToHashSet(StringComparer.Ordinal));
        return [.. claims.Select(c => held.Contains(c.TrialId))];
    }

    private ImmutableArray<TrialClaim> Claim(NpgsqlConnection connection, NpgsqlTransaction transaction, long experimentId, long runId, int count)
    {
        RequeueLostTrials(connection, transaction, experimentId);
        var leaseToken = NewLeaseToken();
        return [.. connection.Query<ClaimRow>(
                ClaimSql,
                new { ExperimentId = experimentId, RunId = runId, Count = count, LeaseToken = leaseToken, LeaseSeconds },
                transaction)
            .Select(r => r.ToClaim(leaseToken))];
    }

    /// <summary>
    /// Every claimer does this before it claims: a running trial whose lease ran out by the server's clock lost
    /// its claimer, so it goes back to pending as its next attempt, or fails once it was lost
    /// <see cref="TrialLeases.MaxAttempts"/> times.
    /// </summary>
    private static void RequeueLostTrials(NpgsqlConnection connection, NpgsqlTransaction transaction, long experimentId)
    {
        connection.Execute(
            RequeueLostTrialsSql,
            new { ExperimentId = experimentId, Error = TrialLeases.LostError, TrialLeases.MaxAttempts },
            transaction);
    }

    private static string NewLeaseToken() => Guid.NewGuid().ToString("N");
}
