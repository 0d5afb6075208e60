namespace Sweep.Storage.Sql;

/// <summary>The queries that read epochs and their further metrics, through the views every store keeps.</summary>
internal static class EpochSql
{
    private const string Columns = """
        SELECT trial_id AS TrialId, epoch AS Epoch, train_loss AS TrainLoss, val_loss AS ValidationLoss,
               accuracy AS Accuracy, learning_rate AS LearningRate, weight_norm AS WeightNorm,
               grad_norm AS GradientNorm, seconds AS Seconds
        FROM epochs
        """;

    public const string OfTrial = Columns + """

        WHERE experiment_id = @ExperimentId AND trial_id = @TrialId
        ORDER BY epoch
        """;

    public const string OfPage = Columns + $"""

        WHERE experiment_id = @ExperimentId AND trial_id IN ({TrialSql.PageIds})
        ORDER BY trial_id, epoch
        """;

    public const string MetricsOfPage = $"""
        SELECT trial_id AS TrialId, epoch AS Epoch, name AS Name, value AS Value
        FROM epoch_metrics
        WHERE experiment_id = @ExperimentId AND trial_id IN ({TrialSql.PageIds})
        """;

    public const string MetricNames = """
        SELECT DISTINCT name FROM epoch_metrics WHERE experiment_id = @ExperimentId
        """;

    public const string Metrics = """
        SELECT trial_id AS TrialId, epoch AS Epoch, name AS Name, value AS Value
        FROM epoch_metrics
        WHERE experiment_id = @ExperimentId AND (@TrialId IS NULL OR trial_id = @TrialId)
        """;
}
