using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    /// <summary>Epoch rows of reused trials.</summary>
    private const string CopyReusedEpochsSql = $"""
        INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
        SELECT t.trial_key, e.epoch, e.train_loss, e.val_loss, e.accuracy, e.learning_rate, e.weight_norm, e.grad_norm, e.seconds
        {ReuseSql.ReusedFrom}
        JOIN trial_epochs e ON e.trial_key = f.trial_key
        {ReuseSql.ReusedRows}
        ORDER BY t.trial_key, e.epoch
        """;

    /// <summary>Range-test steps of reused trials (see <see cref="Sql.ReuseSql"/>), in PostgreSQL's upsert.</summary>
    private const string CopyReusedRangeTestsSql = """
        INSERT INTO range_tests (experiment_id, trial_id, step, learning_rate, loss, smoothed_loss)
        SELECT t.experiment_id, r.trial_id, r.step, r.learning_rate, r.loss, r.smoothed_loss
        FROM trials t
        JOIN range_tests r ON r.experiment_id = t.reused_from AND r.trial_id = t.id
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey AND t.reused_from IS NOT NULL
        ON CONFLICT (experiment_id, trial_id, step) DO UPDATE
        SET learning_rate = excluded.learning_rate, loss = excluded.loss, smoothed_loss = excluded.smoothed_loss
        """;
}
