namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// Schema version 3: epochs keyed by a small integer. Every trial gets <c>trial_key</c>, an
/// <c>INTEGER PRIMARY KEY</c> handed out in plan order (so VACUUM keeps it), and its epochs live in
/// <c>trial_epochs</c> under <c>(trial_key, epoch)</c>. Trials run in plan order, so new epoch rows append at
/// the end of the tree instead of landing at the random place a hashed text id would put them, and a row
/// no longer repeats the experiment and the 16-character trial id. The old <c>epochs</c> table becomes a
/// view with the same columns, so queries by <c>experiment_id</c> and <c>trial_id</c> read as before.
/// <c>trial_epochs</c> has no foreign key: it is written only by the store, together with its trial, and a
/// foreign key check was a second tree lookup on every row.
/// </summary>
internal static class Migration003LeanEpochs
{
    public const string Sql = """
        CREATE TABLE trials_v3 (
            trial_key        INTEGER PRIMARY KEY,  -- the row's number in the store; trial_epochs refer to it
            experiment_id    INTEGER NOT NULL REFERENCES experiments (id),
            id               TEXT    NOT NULL,  -- the stable 16-hex trial id (hash of configuration and seed)
            run_id           INTEGER REFERENCES runs (id),  -- the run that last claimed it; NULL while never run
            number           INTEGER NOT NULL,  -- 1-based place in the plan
            stage            INTEGER NOT NULL,  -- stage of an adaptive search; 0 for grid and random
            repeat           INTEGER NOT NULL,  -- which repeat of its configuration (0-based)
            seed             INTEGER NOT NULL,  -- the seed it trains with
            parameters       TEXT    NOT NULL,  -- JSON object: search parameter path -> value
            configuration    TEXT    NOT NULL,  -- canonical JSON of the resolved data, model, training and seed
            learning_rate    REAL    NOT NULL,  -- training.learning_rate, for queries
            weight_decay_l1  REAL    NOT NULL,  -- training.weight_decay.l1
            weight_decay_l2  REAL    NOT NULL,  -- training.weight_decay.l2
            batch            TEXT    NOT NULL,  -- training.batch: full, sgd or the mini-batch size
            status           TEXT    NOT NULL   -- pending, running, completed, diverged, failed, interrupted
                             CHECK (status IN ('pending', 'running', 'completed', 'diverged', 'failed', 'interrupted')),
            diagnosis        TEXT,              -- curve diagnosis label, filled after the trial
            diagnosis_json   TEXT,              -- JSON of the numbers that decided the diagnosis
            final_train_loss REAL,              -- train loss of the last epoch
            final_val_loss   REAL,              -- validation loss of the last epoch
            best_train_loss  REAL,              -- lowest train loss over the epochs
            best_val_loss    REAL,              -- lowest validation loss over the epochs
            best_epoch       INTEGER,           -- epoch of the lowest validation loss (train loss without validation)
            epochs           INTEGER NOT NULL DEFAULT 0,  -- epochs recorded
            seconds          REAL,              -- wall time of the last attempt
            error            TEXT,              -- what a failed trial threw
            started          TEXT,              -- when the last attempt was claimed
            ended            TEXT,              -- when it ended
            UNIQUE (experiment_id, id)
        );

        INSERT INTO trials_v3 (trial_key, experiment_id, id, run_id, number, stage, repeat, seed, parameters,
                               configuration, learning_rate, weight_decay_l1, weight_decay_l2, batch, status,
                               diagnosis, diagnosis_json, final_train_loss, final_val_loss, best_train_loss,
                               best_val_loss, best_epoch, epochs, seconds, error, started, ended)
        SELECT rowid, experiment_id, id, run_id, number, stage, repeat, seed, parameters,
               configuration, learning_rate, weight_decay_l1, weight_decay_l2, batch, status,
               diagnosis, diagnosis_json, final_train_loss, final_val_loss, best_train_loss,
               best_val_loss, best_epoch, epochs, seconds, error, started, ended
        FROM trials;

        -- One row per epoch of a trial's last attempt, written in the same transaction as the trial's final status.
        CREATE TABLE trial_epochs (
            trial_key     INTEGER NOT NULL,   -- trials.trial_key
            epoch         INTEGER NOT NULL,   -- 1-based
            train_loss    REAL,               -- mean data loss over the epoch's batches
            val_loss      REAL,               -- validation loss; NULL without a validation set
            accuracy      REAL,               -- validation accuracy, classification only
            learning_rate REAL    NOT NULL,   -- rate in effect during the epoch
            weight_norm   REAL,               -- L2 norm of all weights after the epoch
            grad_norm     REAL,               -- L2 norm of the last gradient
            seconds       REAL    NOT NULL,   -- wall time of the epoch
            PRIMARY KEY (trial_key, epoch)
        ) WITHOUT ROWID;

        INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
        SELECT t.trial_key, e.epoch, e.train_loss, e.val_loss, e.accuracy, e.learning_rate, e.weight_norm, e.grad_norm, e.seconds
        FROM epochs e JOIN trials_v3 t ON t.experiment_id = e.experiment_id AND t.id = e.trial_id
        ORDER BY t.trial_key, e.epoch;

        DROP TABLE epochs;
        DROP TABLE trials;
        ALTER TABLE trials_v3 RENAME TO trials;

        CREATE INDEX trials_by_status ON trials (experiment_id, status);
        CREATE INDEX trials_by_learning_rate ON trials (experiment_id, learning_rate);
        CREATE INDEX trials_by_run ON trials (run_id, status);
        CREATE INDEX trials_claimable ON trials (experiment_id, stage, number, id)
        WHERE status IN ('pending', 'interrupted', 'running');

        -- The epochs as they read before version 3, by experiment and trial id: what users query.
        CREATE VIEW epochs AS
        SELECT t.experiment_id AS experiment_id, t.id AS trial_id, e.epoch AS epoch, e.train_loss AS train_loss,
               e.val_loss AS val_loss, e.accuracy AS accuracy, e.learning_rate AS learning_rate,
               e.weight_norm AS weight_norm, e.grad_norm AS grad_norm, e.seconds AS seconds
        FROM trial_epochs e JOIN trials t ON t.trial_key = e.trial_key;
        """;
}
