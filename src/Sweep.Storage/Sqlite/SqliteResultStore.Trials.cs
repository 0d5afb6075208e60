using System.Collections.Immutable;
using Dapper;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Storage.Rows;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    private const string InsertPlannedTrialSql = """
        INSERT INTO trials (experiment_id, id, number, stage, repeat, seed, parameters, configuration,
                            learning_rate, weight_decay_l1, weight_decay_l2, batch, status)
        VALUES (@ExperimentId, @Id, @Number, @Stage, @Repeat, @Seed, @Parameters, @Configuration,
                @LearningRate, @WeightDecayL1, @WeightDecayL2, @Batch, 'pending')
        ON CONFLICT (experiment_id, id) DO NOTHING
        """;

    /// <summary>
    /// A trial may be claimed when it never ran, was interrupted, or is marked running by a run that has
    /// ended (its process stopped without finishing the trial). The status list is written exactly as in
    /// the partial index <c>trials_claimable</c> (migrations 2 and 3), so SQLite can use it.
    /// </summary>
    private const string ClaimableCondition = """
        (status IN ('pending', 'interrupted', 'running')
         AND (status <> 'running' OR run_id IS NULL OR run_id IN (SELECT r.id FROM runs r WHERE r.status <> 'running')))
        """;

    private const string ClaimTrialSql = $"""
        UPDATE trials
        SET status = 'running', run_id = @RunId, started = @Now, ended = NULL, error = NULL,
            lease_token = @LeaseToken, lease_expires = {LeaseEnd}
        WHERE experiment_id = @ExperimentId AND id = @TrialId AND {ClaimableCondition}
        """;

    private const string InterruptRunningTrialsSql = """
        UPDATE trials
        SET status = 'interrupted', ended = @Ended, lease_token = NULL, lease_expires = NULL
        WHERE run_id = @RunId AND status = 'running'
        """;

    /// <summary>Trials of an experiment version that no live run is training right now.</summary>
    private const string ResettableCondition = """
        experiment_id = @ExperimentId
        AND NOT (status = 'running' AND run_id IN (SELECT r.id FROM runs r WHERE r.status = 'running'))
        """;

    private const string ResetEpochsSql = """
        DELETE FROM trial_epochs
        WHERE trial_key IN (SELECT trial_key FROM trials WHERE
        """ + " " + ResettableCondition + ")";

    private const string ResetTrialsSql = """
        UPDATE trials
        SET status = 'pending', run_id = NULL, diagnosis = NULL, diagnosis_json = NULL,
            final_train_loss = NULL, final_val_loss = NULL, best_train_loss = NULL, best_val_loss = NULL,
            best_epoch = NULL, epochs = 0, seconds = NULL, error = NULL, started = NULL, ended = NULL,
            attempt = 1, lease_token = NULL, lease_expires = NULL, reused_from = NULL
        WHERE
        """ + " " + ResettableCondition;

    private const string RecordDiagnosisSql = """
        UPDATE trials
        SET diagnosis = @Label, diagnosis_json = @Json
        WHERE experiment_id = @ExperimentId AND id = @TrialId
        """;

    private const string TrialColumns = """
        SELECT experiment_id AS ExperimentId, id AS Id, run_id AS RunId, number AS Number, stage AS Stage,
               repeat AS Repeat, seed AS Seed, parameters AS Parameters, configuration AS Configuration,
               learning_rate AS LearningRate, weight_decay_l1 AS WeightDecayL1, weight_decay_l2 AS WeightDecayL2,
               batch AS Batch, status AS Status, diagnosis AS Diagnosis, diagnosis_json AS DiagnosisJson,
               final_train_loss AS FinalTrainLoss, final_val_loss AS FinalValidationLoss,
               best_train_loss AS BestTrainLoss, best_val_loss AS BestValidationLoss, best_epoch AS BestEpoch,
               epochs AS Epochs, seconds AS Seconds, error AS Error, started AS Started, ended AS Ended
        FROM trials
        """;

    private const string ListTrialsSql = TrialColumns + """

        WHERE experiment_id = @ExperimentId
        ORDER BY stage, number, id
        """;

    private const string GetTrialSql = TrialColumns + """

        WHERE experiment_id = @ExperimentId AND id = @TrialId
        """;

    private const string FindTrialsSql = TrialColumns + """

        WHERE substr(id, 1, length(@Prefix)) = @Prefix
        ORDER BY experiment_id, id
        """;

    /// <summary>
    /// Adds the planned trials as pending; trials already in the store keep their status and results, so
    /// planning again on resume adds only what is new. With <paramref name="reuseFinished"/>, the new rows
    /// whose trial finished in an earlier version take that result in the same transaction.
    /// </summary>
    public TrialPlanning PlanTrials(long experimentId, IEnumerable<TrialPlan> trials, bool reuseFinished)
    {
        var rows = trials.Select(t => new
        {
            ExperimentId = experimentId,
            t.Id,
            t.Number,
            t.Stage,
            t.Repeat,
            t.Seed,
            Parameters = ParametersJson.Of(t.Parameters),
            Configuration = TrialIdentity.CanonicalJson(t.Configuration, t.Seed),
            t.Configuration.Training.LearningRate,
            WeightDecayL1 = t.Configuration.Training.WeightDecay.L1,
            WeightDecayL2 = t.Configuration.Training.WeightDecay.L2,
            Batch = t.Configuration.Training.Batch.ToString(),
        }).ToList();
        return Write(transaction =>
        {
            var lastKey = connection.ExecuteScalar<long>(LastTrialKeySql, transaction: transaction);
            var added = connection.Execute(InsertPlannedTrialSql, rows, transaction);
            var reused = added > 0 && reuseFinished ? ReuseFinishedTrials(transaction, experimentId, lastKey) : [];
            return new TrialPlanning(added, reused);
        });
    }

    /// <summary>The trials of an experiment version with status and metrics, by stage and plan number.</summary>
    public ImmutableArray<TrialSummary> ListTrials(long experimentId) =>
        Read(c => c.Query<TrialRow>(ListTrialsSql, new { ExperimentId = experimentId }).Select(r => r.ToSummary()).ToImmutableArray());

    /// <summary>
    /// Marks the trial running for <paramref name="runId"/> if it is claimable (pending, interrupted, or
    /// left running by an ended run). True for exactly one of several processes claiming the same trial.
    /// </summary>
    public bool TryClaimTrial(long experimentId, string trialId, long runId) => Write(transaction =>
    {
        RequeueLostTrials(transaction, experimentId);
        return connection.Execute(
            ClaimTrialSql,
            new { ExperimentId = experimentId, TrialId = trialId, RunId = runId, Now = StoredValues.Now(), LeaseToken = NewLeaseToken(), LeaseModifier },
            transaction) == 1;
    });

    /// <summary>Marks the trials a run still has running as interrupted (on Ctrl+C); returns how many.</summary>
    public int InterruptRunningTrials(long runId) => Write(transaction =>
        connection.Execute(InterruptRunningTrialsSql, new { RunId = runId, Ended = StoredValues.Now() }, transaction));

    /// <summary>
    /// Puts every trial of an experiment version back to pending and deletes its epochs, in one transaction,
    /// so the next claims run the whole sweep again (<c>sweep run --fresh</c>). Trials a live run is training
    /// are left to it. Returns how many trials were reset.
    /// </summary>
    public int ResetTrials(long experimentId) => Write(transaction =>
    {
        connection.Execute(ResetEpochsSql, new { ExperimentId = experimentId }, transaction);
        return connection.Execute(ResetTrialsSql, new { ExperimentId = experimentId }, transaction);
    });

    /// <summary>Stores a trial's curve diagnosis: its label and the numbers that decided it, as JSON.</summary>
    public bool RecordDiagnosis(long experimentId, string trialId, TrialDiagnosis diagnosis)
    {
        var (label, json) = DiagnosisJson.Write(diagnosis);
        return Write(transaction =>
            connection.Execute(RecordDiagnosisSql, new { ExperimentId = experimentId, TrialId = trialId, Label = label, Json = json }, transaction) == 1);
    }

    /// <summary>One trial with its configuration, diagnosis details and epochs; null if the experiment has no such trial.</summary>
    public TrialDetail? GetTrial(long experimentId, string trialId) => ReadSnapshot(transaction =>
    {
        var row = connection.QuerySingleOrDefault<TrialRow>(GetTrialSql, new { ExperimentId = experimentId, TrialId = trialId }, transaction);
        return row is null
            ? null
            : new TrialDetail(row.ToSummary(), row.Configuration, ReadEpochs(transaction, experimentId, trialId));
    });

    /// <summary>The trials, in any experiment, whose id starts with <paramref name="idPrefix"/> (for <c>sweep show</c>).</summary>
    public ImmutableArray<TrialSummary> FindTrials(string idPrefix) =>
        Read(c => c.Query<TrialRow>(FindTrialsSql, new { Prefix = idPrefix }).Select(r => r.ToSummary()).ToImmutableArray());
}
