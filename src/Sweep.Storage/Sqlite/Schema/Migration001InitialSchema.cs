namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// Schema version 1: experiments, runs, trials, epochs and range tests. Times are ISO 8601 UTC text;
/// losses are REAL and NULL when there is no value or it was not a number (a diverged trial's NaN).
/// </summary>
internal static class Migration001InitialSchema
{
    public const string Sql = """
        -- One row per distinct text of an experiment file: editing the file and running it again adds the
        -- next version under the same name; running an unchanged file reuses its row.
        CREATE TABLE experiments (
            id         INTEGER PRIMARY KEY,   -- surrogate key that runs, trials and range tests refer to
            name       TEXT    NOT NULL,      -- the experiment's `name:` from the file
            version    INTEGER NOT NULL,      -- 1, 2, ... per name, in the order the texts were first seen
            file       TEXT    NOT NULL,      -- the file's path as given when this version was registered
            yaml       TEXT    NOT NULL,      -- the file's full text
            hash       TEXT    NOT NULL,      -- SHA-256 of the text (UTF-8), lower-case hex
            created    TEXT    NOT NULL,      -- when this version was first registered
            UNIQUE (name, hash),
            UNIQUE (name, version)
        );

        -- One row per `sweep run` invocation (or worker process) on an experiment version.
        CREATE TABLE runs (
            id            INTEGER PRIMARY KEY,
            experiment_id INTEGER NOT NULL REFERENCES experiments (id),
            started       TEXT    NOT NULL,   -- when the run began
            ended         TEXT,               -- when it finished; NULL while running or after a kill
            host          TEXT    NOT NULL,   -- machine name of the process
            process_id    INTEGER NOT NULL,   -- its process id, so a killed run can be recognised on that host
            status        TEXT    NOT NULL    -- running, completed, failed (some trials threw), interrupted
                          CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
            sweep_version TEXT    NOT NULL    -- version of Sweep that ran it
        );

        -- One row per planned trial of an experiment version; the same configuration in two experiment
        -- versions is two rows.
        CREATE TABLE trials (
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
            PRIMARY KEY (experiment_id, id)
        );

        CREATE INDEX trials_by_status ON trials (experiment_id, status);
        CREATE INDEX trials_by_learning_rate ON trials (experiment_id, learning_rate);
        CREATE INDEX trials_by_run ON trials (run_id, status);

        -- One row per epoch of a trial's last attempt, written together with the trial's final status.
        -- The primary key (experiment, trial, epoch) is also the index for reading a trial's epochs.
        CREATE TABLE epochs (
            experiment_id INTEGER NOT NULL,
            trial_id      TEXT    NOT NULL,
            epoch         INTEGER NOT NULL,   -- 1-based
            train_loss    REAL,               -- mean data loss over the epoch's batches
            val_loss      REAL,               -- validation loss; NULL without a validation set
            accuracy      REAL,               -- validation accuracy, classification only
            learning_rate REAL    NOT NULL,   -- rate in effect during the epoch
            weight_norm   REAL,               -- L2 norm of all weights after the epoch
            grad_norm     REAL,               -- L2 norm of the last gradient
            seconds       REAL    NOT NULL,   -- wall time of the epoch
            PRIMARY KEY (experiment_id, trial_id, epoch),
            FOREIGN KEY (experiment_id, trial_id) REFERENCES trials (experiment_id, id) ON DELETE CASCADE
        ) WITHOUT ROWID;

        -- One row per step of a learning-rate range test (Smith 2015).
        CREATE TABLE range_tests (
            experiment_id INTEGER NOT NULL REFERENCES experiments (id),
            trial_id      TEXT    NOT NULL,   -- id of the range test's configuration
            step          INTEGER NOT NULL,   -- 0-based update number
            learning_rate REAL    NOT NULL,   -- rate used for the step
            loss          REAL,               -- batch loss at the step; NULL when not a number
            smoothed_loss REAL,               -- exponentially smoothed loss
            PRIMARY KEY (experiment_id, trial_id, step)
        ) WITHOUT ROWID;
        """;
}
