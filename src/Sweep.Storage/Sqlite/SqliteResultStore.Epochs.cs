using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Sweep.Models.Results;

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

    /// <summary>Every trial of an experiment version in the order it was planned, read a page at a time in a snapshot each.</summary>
    public IEnumerable<TrialRecord> ReadTrials(long experimentId, bool withEpochs = true) =>
        TrialPages.Read(experimentId, after => ReadSnapshot(transaction => TrialPages.ReadPage(
            connection, transaction, after, withEpochs, page => EpochChunkReader.Page(connection, transaction, page))));

    private ImmutableArray<EpochRecord> ReadEpochs(SqliteTransaction transaction, long experimentId, string trialId)
    {
        var metrics = ReadMetrics(transaction, experimentId, trialId);
        return EpochChunkReader.Trial(connection, transaction, experimentId, trialId)
            .Select(metrics.Attach)
            .ToImmutableArray();
    }
}
