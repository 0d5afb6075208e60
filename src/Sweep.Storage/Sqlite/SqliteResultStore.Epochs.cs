using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Results;
using Sweep.Storage.Rows;

using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>Prepared on the first completed trial and kept for the store's life.</summary>
    private OutcomeWriter? outcomeWriter;

    /// <summary>
    /// Records how a trial this run claimed ended: status, metrics, error, all its epochs and any range-test
    /// steps, in one transaction, so readers see the status and the epochs together or neither. Epochs of an earlier
    /// attempt are replaced. False, and nothing written, when the trial is no longer running for this run
    /// (another process took it over after this run was found dead).
    /// </summary>
    public bool CompleteTrial(long experimentId, string trialId, long runId, TrialOutcome outcome)
    {
        if (outcome.Status is TrialStatus.Pending or TrialStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "a trial completes as completed, diverged, failed or interrupted");
        }

        return Write(transaction => RecordOutcomeAndSteps(experimentId, runId, trialId, leaseToken: null, outcome, StoredValues.Now(), transaction));
    }

    /// <summary>The body of <see cref="CompleteTrial"/>, inside the caller's write transaction.</summary>
    private bool RecordOutcome(long experimentId, long runId, string trialId, string? leaseToken, TrialOutcome outcome, string ended) =>
        (outcomeWriter ??= new OutcomeWriter(connection)).Record(experimentId, trialId, runId, leaseToken, outcome, ended);

    /// <summary>A trial's epochs in order.</summary>
    public ImmutableArray<EpochRecord> ReadEpochs(long experimentId, string trialId) =>
        ReadSnapshot(transaction => ReadEpochs(transaction, experimentId, trialId));

    /// <summary>Every epoch of every trial of an experiment version, by trial id and epoch (for epochs.csv).</summary>
    public ImmutableArray<TrialEpoch> ListEpochs(long experimentId) => ReadSnapshot(transaction =>
    {
        var metrics = ReadMetrics(transaction, experimentId, trialId: null);
        return connection.Query<EpochRow>(EpochSql.OfExperiment, new { ExperimentId = experimentId }, transaction)
            .Select(r => new TrialEpoch(r.TrialId, metrics.Attach(r)))
            .ToImmutableArray();
    });

    private ImmutableArray<EpochRecord> ReadEpochs(SqliteTransaction transaction, long experimentId, string trialId)
    {
        var metrics = ReadMetrics(transaction, experimentId, trialId);
        return connection.Query<EpochRow>(EpochSql.OfTrial, new { ExperimentId = experimentId, TrialId = trialId }, transaction)
            .Select(r => metrics.Attach(r))
            .ToImmutableArray();
    }
}
