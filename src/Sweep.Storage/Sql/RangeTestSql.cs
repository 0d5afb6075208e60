namespace Sweep.Storage.Sql;

/// <summary>The queries on range-test steps and lr-find tests that read and write the same in every store.</summary>
internal static class RangeTestSql
{
    public const string Delete = """
        DELETE FROM range_tests
        WHERE experiment_id = @ExperimentId AND trial_id = @TrialId
        """;

    public const string Read = """
        SELECT step AS Step, learning_rate AS LearningRate, loss AS Loss, smoothed_loss AS SmoothedLoss
        FROM range_tests
        WHERE experiment_id = @ExperimentId AND trial_id = @TrialId
        ORDER BY step
        """;

    /// <summary>A test stored again takes the next sequence number, so the newest is the one shown.</summary>
    public const string UpsertLrFindTest = """
        INSERT INTO lr_find_tests (experiment_id, id, min_rate, max_rate, steps, smoothing, stop_factor, sequence, created)
        VALUES (@ExperimentId, @Id, @Min, @Max, @Steps, @Smoothing, @StopFactor,
                (SELECT COALESCE(MAX(sequence), 0) + 1 FROM lr_find_tests), @Created)
        ON CONFLICT (experiment_id, id) DO UPDATE SET sequence = excluded.sequence, created = excluded.created
        """;

    public const string LatestLrFindTest = """
        SELECT id AS Id, experiment_id AS ExperimentId, min_rate AS MinRate, max_rate AS MaxRate, steps AS Steps,
               smoothing AS Smoothing, stop_factor AS StopFactor, created AS Created
        FROM lr_find_tests
        WHERE experiment_id = @ExperimentId
        ORDER BY sequence DESC
        LIMIT 1
        """;
}
