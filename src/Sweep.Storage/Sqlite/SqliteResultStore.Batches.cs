using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Results;
using Sweep.Storage.Rows;

using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    internal const string ClaimCandidatesSql = """
        SELECT id AS TrialId, attempt AS Attempt, status AS PreviousStatus, run_id AS PreviousRunId, started AS PreviousStarted, ended AS PreviousEnded
        FROM trials
        WHERE experiment_id = @ExperimentId AND
        """ + TrialSql.ClaimableCondition + """

        ORDER BY stage, number, id
        LIMIT @Count
        """;

    private const string MarkClaimedSql = $"""
        UPDATE trials
        SET status = 'running', run_id = @RunId, started = @Now, ended = NULL, error = NULL,
            lease_token = @LeaseToken, lease_expires = {LeaseEnd}
        WHERE experiment_id = @ExperimentId AND id IN @TrialIds
        """;

    /// <summary>
    /// Runs <paramref name="batch"/> in one write transaction: records each finished trial with its epochs
    /// if its lease still holds, with its range-test steps if it has any, undoes the released claims, then
    /// claims up to <see cref="RunBatch.Claim"/> trials in plan order. One transaction for many trials is
    /// what makes a sweep of tiny trials cheap to store; several processes still never claim the same trial,
    /// because the claim reads and marks under the same write lock.
    /// </summary>
    public RunBatchResult WriteBatch(long experimentId, long runId, RunBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Finished.Any(f => f.Outcome.Status is TrialStatus.Pending or TrialStatus.Running))
        {
            throw new ArgumentOutOfRangeException(nameof(batch), "a trial completes as completed, diverged, failed or interrupted");
        }

        return Write(transaction =>
        {
            var recorded = batch.Finished
                .Select(f => RecordOutcomeAndSteps(experimentId, runId, f.TrialId, f.Claim.LeaseToken, f.Outcome, StoredValues.Time(f.Ended), transaction))
                .ToImmutableArray();
            if (!batch.Released.IsEmpty)
            {
                connection.Execute(TrialSql.UndoClaim, batch.Released.Select(c => new
                {
                    ExperimentId = experimentId,
                    RunId = runId,
                    c.TrialId,
                    c.PreviousStatus,
                    c.PreviousRunId,
                    PreviousStarted = StoredValues.Time(c.PreviousStarted),
                    PreviousEnded = StoredValues.Time(c.PreviousEnded),
                    c.LeaseToken,
                }), transaction);
            }

            return new RunBatchResult(recorded, batch.Claim > 0 ? Claim(transaction, experimentId, runId, batch.Claim) : []);
        });
    }

    /// <summary>
    /// Records the outcome and, for a range test whose outcome was recorded, its steps: both in the caller's
    /// transaction, so a range test is never finished without its steps.
    /// </summary>
    private bool RecordOutcomeAndSteps(long experimentId, long runId, string trialId, string? leaseToken, TrialOutcome outcome, string ended, SqliteTransaction transaction)
    {
        if (!RecordOutcome(experimentId, runId, trialId, leaseToken, outcome, ended))
        {
            return false;
        }

        if (!outcome.RangeTestSteps.IsDefaultOrEmpty)
        {
            ReplaceRangeTest(experimentId, trialId, [.. outcome.RangeTestSteps], transaction);
        }

        return true;
    }

    /// <summary>Claims up to <paramref name="count"/> trials in plan order, in one transaction; fewer when fewer are claimable.</summary>
    public ImmutableArray<TrialClaim> ClaimTrials(long experimentId, long runId, int count) =>
        Write(transaction => Claim(transaction, experimentId, runId, count));

    private ImmutableArray<TrialClaim> Claim(SqliteTransaction transaction, long experimentId, long runId, int count)
    {
        RequeueLostTrials(transaction, experimentId);
        var leaseToken = NewLeaseToken();
        var claims = connection.Query<ClaimRow>(ClaimCandidatesSql, new { ExperimentId = experimentId, Count = count }, transaction)
            .Select(r => r.ToClaim(leaseToken))
            .ToImmutableArray();
        if (!claims.IsEmpty)
        {
            connection.Execute(
                MarkClaimedSql,
                new
                {
                    ExperimentId = experimentId,
                    RunId = runId,
                    Now = StoredValues.Now(),
                    TrialIds = claims.Select(c => c.TrialId).ToList(),
                    LeaseToken = leaseToken,
                    LeaseModifier,
                },
                transaction);
        }

        return claims;
    }
}
