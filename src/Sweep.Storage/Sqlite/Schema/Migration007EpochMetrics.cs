namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// Schema version 7: the further numbers a user's training program reports per epoch (any numeric key
/// beside the fixed columns, e.g. top5 or perplexity), one row per trial, epoch and name, in long format so
/// any program's metrics fit without a schema change. Written in the same transaction as the trial's epochs
/// and replaced with them. The <c>epoch_metrics</c> view names the trial and experiment, for sqlite3 or pandas.
/// </summary>
internal static class Migration007EpochMetrics
{
    public const string Sql = """
        CREATE TABLE trial_epoch_metrics (
            trial_key  INTEGER NOT NULL,  -- trials.trial_key
            epoch      INTEGER NOT NULL,  -- trial_epochs.epoch
            name       TEXT    NOT NULL,  -- the key the program reported
            value      REAL,              -- its value; NULL for NaN
            PRIMARY KEY (trial_key, epoch, name)
        ) WITHOUT ROWID;

        CREATE VIEW epoch_metrics AS
        SELECT trials.experiment_id, trials.id AS trial_id, m.epoch, m.name, m.value
        FROM trial_epoch_metrics AS m JOIN trials ON trials.trial_key = m.trial_key;
        """;
}
