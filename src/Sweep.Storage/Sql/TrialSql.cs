namespace Sweep.Storage.Sql;

/// <summary>The queries on trials that read and write the same in every store; claiming and planning differ per store.</summary>
internal static class TrialSql
{
    /// <summary>
    /// A trial may be claimed when it never ran, was interrupted, or is marked running by a run that has
    /// ended (its process stopped without finishing the trial). The status list is written exactly as in
    /// the partial index <c>trials_claimable</c>, so the database can use it.
    /// </summary>
    public const string ClaimableCondition = """
        (status IN ('pending', 'interrupted', 'running')
         AND (status <> 'running' OR run_id IS NULL OR run_id IN (SELECT r.id FROM runs r WHERE r.status <> 'running')))
        """;

    public const string InterruptRunning = """
        UPDATE trials
        SET status = 'interrupted', ended = @Ended, lease_token = NULL, lease_expires = NULL
        WHERE run_id = @RunId AND status = 'running'
        """;

    /// <summary>Puts a claimed row back as it was, if this run still holds it and never recorded an outcome; times are bound in the store's own spelling.</summary>
    public const string UndoClaim = """
        UPDATE trials
        SET status = @PreviousStatus, run_id = @PreviousRunId, started = @PreviousStarted, ended = @PreviousEnded,
            lease_token = NULL, lease_expires = NULL
        WHERE experiment_id = @ExperimentId AND id = @TrialId AND run_id = @RunId AND lease_token = @LeaseToken AND status = 'running'
        """;

    /// <summary>Trials of an experiment version that no live run is training right now.</summary>
    private const string ResettableCondition = """
        experiment_id = @ExperimentId
        AND NOT (status = 'running' AND run_id IN (SELECT r.id FROM runs r WHERE r.status = 'running'))
        """;

    /// <summary>Deletes from <paramref name="table"/>, keyed by <c>trial_key</c>, the rows of the trials <see cref="Reset"/> resets.</summary>
    public static string ResetRows(string table) => $"DELETE FROM {table} WHERE trial_key IN (SELECT trial_key FROM trials WHERE {ResettableCondition})";

    public const string Reset = """
        UPDATE trials
        SET status = 'pending', run_id = NULL, diagnosis = NULL, diagnosis_json = NULL,
            final_train_loss = NULL, final_val_loss = NULL, best_train_loss = NULL, best_val_loss = NULL,
            best_epoch = NULL, epochs = 0, seconds = NULL, error = NULL, started = NULL, ended = NULL,
            attempt = 1, lease_token = NULL, lease_expires = NULL, reused_from = NULL
        WHERE
        """ + " " + ResettableCondition;

    /// <summary>The trials a run holds or left interrupted, which it gives back when it stops.</summary>
    private const string ReturnableCondition = "run_id = @RunId AND status IN ('running', 'interrupted')";

    /// <summary>Deletes from <paramref name="table"/>, keyed by <c>trial_key</c>, the rows of the trials <see cref="Return"/> gives back.</summary>
    public static string ReturnRows(string table) => $"DELETE FROM {table} WHERE trial_key IN (SELECT trial_key FROM trials WHERE {ReturnableCondition})";

    public const string Return = $"""
        UPDATE trials
        SET status = 'pending', run_id = NULL, final_train_loss = NULL, final_val_loss = NULL, best_train_loss = NULL,
            best_val_loss = NULL, best_epoch = NULL, epochs = 0, seconds = NULL, error = NULL, started = NULL, ended = NULL,
            lease_token = NULL, lease_expires = NULL
        WHERE {ReturnableCondition}
        """;

    /// <summary>How many trials <c>t</c> are in each status, as the columns of <see cref="Rows.TrialCountsRow"/>.</summary>
    public const string StatusCounts = """
        COUNT(CASE WHEN t.status = 'pending' THEN 1 END) AS Pending,
               COUNT(CASE WHEN t.status = 'running' THEN 1 END) AS Running,
               COUNT(CASE WHEN t.status = 'completed' THEN 1 END) AS Completed,
               COUNT(CASE WHEN t.status = 'diverged' THEN 1 END) AS Diverged,
               COUNT(CASE WHEN t.status = 'failed' THEN 1 END) AS Failed,
               COUNT(CASE WHEN t.status = 'interrupted' THEN 1 END) AS Interrupted
        """;

    public const string Count = $"""
        SELECT {StatusCounts}
        FROM trials t
        WHERE t.experiment_id = @ExperimentId AND (@Stage IS NULL OR t.stage = @Stage)
        """;

    public const string RecordDiagnosis = """
        UPDATE trials
        SET diagnosis = @Label, diagnosis_json = @Json
        WHERE experiment_id = @ExperimentId AND id = @TrialId
        """;

    /// <summary>
    /// A trial's row but its configuration, which only one trial's detail shows: lists and pages leave that text out
    /// (several times the rest of a trial's row), so reading a large sweep does not read and drop it trial after trial.
    /// </summary>
    private const string SummaryColumns = """
        trial_key AS TrialKey, experiment_id AS ExperimentId, id AS Id, run_id AS RunId, number AS Number, stage AS Stage,
               repeat AS Repeat, seed AS Seed, parameters AS Parameters,
               learning_rate AS LearningRate, weight_decay_l1 AS WeightDecayL1, weight_decay_l2 AS WeightDecayL2,
               batch AS Batch, status AS Status, diagnosis AS Diagnosis, diagnosis_json AS DiagnosisJson,
               final_train_loss AS FinalTrainLoss, final_val_loss AS FinalValidationLoss,
               best_train_loss AS BestTrainLoss, best_val_loss AS BestValidationLoss, best_epoch AS BestEpoch,
               epochs AS Epochs, seconds AS Seconds, error AS Error, started AS Started, ended AS Ended
        """;

    private const string Columns = $"""
        SELECT {SummaryColumns}
        FROM trials
        """;

    public const string List = Columns + """

        WHERE experiment_id = @ExperimentId
        ORDER BY stage, number, id
        """;

    /// <summary>
    /// The trials after a key in the order they were planned (their <c>trial_key</c>: stage by stage, by plan number):
    /// keyset paging on the primary key, so a page costs the same however far the reading has gone, and a page of
    /// trials and the page of their epochs select the same trials. The unary plus keeps both databases from reading
    /// the version's trials through an index of experiment_id and sorting them all for every page.
    /// </summary>
    private const string AfterKey = "+experiment_id = @ExperimentId AND trial_key > @Key";

    public const string Page = Columns + $"""

        WHERE {AfterKey}
        ORDER BY trial_key
        LIMIT @Limit
        """;

    /// <summary>The ids of <see cref="Page"/>'s trials.</summary>
    public const string PageIds = $"SELECT id FROM trials WHERE {AfterKey} ORDER BY trial_key LIMIT @Limit";

    public const string Get = $"""
        SELECT {SummaryColumns}, configuration AS Configuration
        FROM trials
        WHERE experiment_id = @ExperimentId AND id = @TrialId
        """;

    public const string Find = Columns + """

        WHERE substr(id, 1, length(@Prefix)) = @Prefix
        ORDER BY experiment_id, id
        """;
}
