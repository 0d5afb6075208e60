using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Results;
using Sweep.Storage.Rows;

namespace Sweep.Storage;

public sealed partial class ResultStore
{
    private const string RecordOutcomeSql = """
        UPDATE trials
        SET status = @Status, final_train_loss = @FinalTrainLoss, final_val_loss = @FinalValidationLoss,
            best_train_loss = @BestTrainLoss, best_val_loss = @BestValidationLoss, best_epoch = @BestEpoch,
            epochs = @Epochs, seconds = @Seconds, error = @Error, ended = @Ended
        WHERE experiment_id = @ExperimentId AND id = @TrialId AND run_id = @RunId AND status = 'running'
        """;

    private const string DeleteEpochsSql = """
        DELETE FROM epochs
        WHERE experiment_id = @ExperimentId AND trial_id = @TrialId
        """;

    private const string EpochColumns = """
        SELECT trial_id AS TrialId, epoch AS Epoch, train_loss AS TrainLoss, val_loss AS ValidationLoss,
               accuracy AS Accuracy, learning_rate AS LearningRate, weight_norm AS WeightNorm,
               grad_norm AS GradientNorm, seconds AS Seconds
        FROM epochs
        """;

    private const string TrialEpochsSql = EpochColumns + """

        WHERE experiment_id = @ExperimentId AND trial_id = @TrialId
        ORDER BY epoch
        """;

    private const string ExperimentEpochsSql = EpochColumns + """

        WHERE experiment_id = @ExperimentId
        ORDER BY trial_id, epoch
        """;

    /// <summary>Prepared on the first completed trial and kept for the store's life.</summary>
    private EpochWriter? epochWriter;

    /// <summary>
    /// Records how a trial this run claimed ended: status, metrics, error and all its epochs, in one
    /// transaction, so readers see the status and the epochs together or neither. Epochs of an earlier
    /// attempt are replaced. False, and nothing written, when the trial is no longer running for this run
    /// (another process took it over after this run was found dead).
    /// </summary>
    public bool CompleteTrial(long experimentId, string trialId, long runId, TrialOutcome outcome)
    {
        if (outcome.Status is TrialStatus.Pending or TrialStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "a trial completes as completed, diverged, failed or interrupted");
        }

        var epochs = outcome.Epochs.IsDefault ? [] : outcome.Epochs;
        var metrics = TrialMetrics.Of(epochs);
        return Write(transaction =>
        {
            var recorded = connection.Execute(RecordOutcomeSql, new
            {
                ExperimentId = experimentId,
                TrialId = trialId,
                RunId = runId,
                Status = StoredValues.Name(outcome.Status),
                metrics.FinalTrainLoss,
                metrics.FinalValidationLoss,
                metrics.BestTrainLoss,
                metrics.BestValidationLoss,
                metrics.BestEpoch,
                Epochs = epochs.Length,
                Seconds = StoredValues.Real(outcome.Seconds),
                outcome.Error,
                Ended = StoredValues.Now(),
            }, transaction);
            if (recorded == 0)
            {
                return false;
            }

            connection.Execute(DeleteEpochsSql, new { ExperimentId = experimentId, TrialId = trialId }, transaction);
            (epochWriter ??= new EpochWriter(connection)).Insert(experimentId, trialId, epochs);
            return true;
        });
    }

    /// <summary>A trial's epochs in order.</summary>
    public ImmutableArray<EpochRecord> ReadEpochs(long experimentId, string trialId) =>
        ReadSnapshot(transaction => ReadEpochs(transaction, experimentId, trialId));

    /// <summary>Every epoch of every trial of an experiment version, by trial id and epoch (for epochs.csv).</summary>
    public ImmutableArray<TrialEpoch> ListEpochs(long experimentId) => Read(c =>
        c.Query<EpochRow>(ExperimentEpochsSql, new { ExperimentId = experimentId })
            .Select(r => new TrialEpoch(r.TrialId, r.ToRecord()))
            .ToImmutableArray());

    private ImmutableArray<EpochRecord> ReadEpochs(SqliteTransaction transaction, long experimentId, string trialId) =>
        connection.Query<EpochRow>(TrialEpochsSql, new { ExperimentId = experimentId, TrialId = trialId }, transaction)
            .Select(r => r.ToRecord())
            .ToImmutableArray();
}
