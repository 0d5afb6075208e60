using Dapper;
using Sweep.Models.Results;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    /// <summary>
    /// Runs <paramref name="batch"/> in one transaction: records the finished trials whose lease still holds,
    /// with their epochs and range-test steps, undoes the released claims, then claims up to
    /// <see cref="RunBatch.Claim"/> trials in plan order. The outcomes are one update and their epochs one
    /// binary copy, however many trials the batch holds.
    /// </summary>
    public RunBatchResult WriteBatch(long experimentId, long runId, RunBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Finished.Any(f => f.Outcome.Status is TrialStatus.Pending or TrialStatus.Running))
        {
            throw new ArgumentOutOfRangeException(nameof(batch), "a trial completes as completed, diverged, failed or interrupted");
        }

        return Run((connection, transaction) =>
        {
            var recorded = RecordOutcomes(connection, transaction, experimentId, runId, batch.Finished);
            if (!batch.Released.IsEmpty)
            {
                connection.Execute(TrialSql.UndoClaim, batch.Released.Select(c => new
                {
                    ExperimentId = experimentId,
                    RunId = runId,
                    c.TrialId,
                    c.PreviousStatus,
                    c.PreviousRunId,
                    c.PreviousStarted,
                    c.PreviousEnded,
                    c.LeaseToken,
                }), transaction);
            }

            return new RunBatchResult(recorded, batch.Claim > 0 ? Claim(connection, transaction, experimentId, runId, batch.Claim) : []);
        });
    }

    /// <summary>
    /// Records the outcome of a trial the run claimed one at a time, with its epochs and any range-test steps,
    /// in one transaction; false, and nothing written, when the trial is no longer running for this run.
    /// </summary>
    public bool CompleteTrial(long experimentId, string trialId, long runId, TrialOutcome outcome)
    {
        if (outcome.Status is TrialStatus.Pending or TrialStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "a trial completes as completed, diverged, failed or interrupted");
        }

        var finished = new FinishedTrial(new TrialClaim(trialId), outcome, DateTimeOffset.UtcNow);
        return Run((connection, transaction) => RecordOutcomes(connection, transaction, experimentId, runId, [finished])[0]);
    }
}
