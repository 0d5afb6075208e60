namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// Schema version 8: a trial's epochs packed, up to 1,000 to a row of <c>trial_epoch_chunks</c>, instead of a
/// row each. A row costs SQLite about a microsecond to insert whatever it holds, as much as a whole epoch of a
/// tiny model, so a sweep of such trials spent most of its time storing them. <c>data</c> is a JSON array with
/// one array per epoch, <c>[epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm,
/// seconds]</c>: null for a missing value or one that was not a number, ±9e999 for ±infinity (what SQLite's
/// JSON functions read as its infinity), every other number in a text that parses back to the same double.
/// The <c>epochs</c> view unpacks the rows with SQLite's own JSON functions, so it reads one row per epoch with
/// the columns and values it had before. Existing epochs are packed here, 1,000 epoch numbers to a row.
/// </summary>
internal static class Migration008PackedEpochs
{
    public const string Sql = """
        CREATE TABLE trial_epoch_chunks (
            trial_key    INTEGER NOT NULL,  -- trials.trial_key
            first_epoch  INTEGER NOT NULL,  -- the epoch of the first array in data
            epochs       INTEGER NOT NULL,  -- how many epochs data holds
            data         TEXT    NOT NULL,  -- JSON: [[epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds], ...]
            PRIMARY KEY (trial_key, first_epoch)
        );

        -- printf spells infinity Inf; 9e999 is what JSON readers take for it.
        INSERT INTO trial_epoch_chunks (trial_key, first_epoch, epochs, data)
        SELECT trial_key, MIN(epoch), COUNT(*), '[' || group_concat(packed, ',') || ']'
        FROM (
            SELECT trial_key, epoch, (epoch - 1) / 1000 AS chunk,
                   '[' || epoch
                   || ',' || CASE WHEN train_loss IS NULL THEN 'null' ELSE replace(printf('%!.17g', train_loss), 'Inf', '9e999') END
                   || ',' || CASE WHEN val_loss IS NULL THEN 'null' ELSE replace(printf('%!.17g', val_loss), 'Inf', '9e999') END
                   || ',' || CASE WHEN accuracy IS NULL THEN 'null' ELSE replace(printf('%!.17g', accuracy), 'Inf', '9e999') END
                   || ',' || CASE WHEN learning_rate IS NULL THEN 'null' ELSE replace(printf('%!.17g', learning_rate), 'Inf', '9e999') END
                   || ',' || CASE WHEN weight_norm IS NULL THEN 'null' ELSE replace(printf('%!.17g', weight_norm), 'Inf', '9e999') END
                   || ',' || CASE WHEN grad_norm IS NULL THEN 'null' ELSE replace(printf('%!.17g', grad_norm), 'Inf', '9e999') END
                   || ',' || CASE WHEN seconds IS NULL THEN 'null' ELSE replace(printf('%!.17g', seconds), 'Inf', '9e999') END
                   || ']' AS packed
            FROM trial_epochs
            ORDER BY trial_key, epoch
        )
        GROUP BY trial_key, chunk;

        DROP VIEW epochs;
        DROP TABLE trial_epochs;

        -- One row per epoch of a trial's last attempt, by experiment and trial id, as before version 8.
        CREATE VIEW epochs AS
        SELECT t.experiment_id AS experiment_id, t.id AS trial_id,
               CAST(json_extract(e.value, '$[0]') AS INTEGER) AS epoch,
               CAST(json_extract(e.value, '$[1]') AS REAL) AS train_loss,
               CAST(json_extract(e.value, '$[2]') AS REAL) AS val_loss,
               CAST(json_extract(e.value, '$[3]') AS REAL) AS accuracy,
               CAST(json_extract(e.value, '$[4]') AS REAL) AS learning_rate,
               CAST(json_extract(e.value, '$[5]') AS REAL) AS weight_norm,
               CAST(json_extract(e.value, '$[6]') AS REAL) AS grad_norm,
               CAST(json_extract(e.value, '$[7]') AS REAL) AS seconds
        FROM trial_epoch_chunks c JOIN trials t ON t.trial_key = c.trial_key, json_each(c.data) AS e;
        """;
}
