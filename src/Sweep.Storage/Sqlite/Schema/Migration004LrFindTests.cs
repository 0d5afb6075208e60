namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// Schema version 4: <c>lr_find_tests</c>, one row per range test that <c>sweep lr-find --db</c> stored beside
/// an experiment version's trials, with the settings its suggestion is worked out again with and when it was
/// stored (in order: the newest is the one shown). Its steps go to <c>range_tests</c> under its id, as a <c>strategy: lr-range-test</c> trial's steps go
/// under the trial's id (<c>range_tests.trial_id</c> never referred to a trials row). A new table only: nothing
/// stored before changes.
/// </summary>
internal static class Migration004LrFindTests
{
    public const string Sql = """
        -- One row per range test stored by `sweep lr-find --db`; its steps are the range_tests rows with trial_id = id.
        CREATE TABLE lr_find_tests (
            experiment_id INTEGER NOT NULL REFERENCES experiments (id),
            id            TEXT    NOT NULL,   -- 16-hex id: hash of the experiment's text and the settings below
            min_rate      REAL    NOT NULL,   -- the first rate
            max_rate      REAL    NOT NULL,   -- the last rate
            steps         INTEGER NOT NULL,   -- mini-batches the rate grows over
            smoothing     REAL    NOT NULL,   -- beta of the smoothed loss
            stop_factor   REAL    NOT NULL,   -- the test stops once the smoothed loss exceeds this times its minimum
            sequence      INTEGER NOT NULL,   -- 1, 2, ... in the order tests were stored in the file; a test stored again takes the next
            created       TEXT    NOT NULL,   -- when it was stored (last stored, when run again with the same settings)
            PRIMARY KEY (experiment_id, id)
        ) WITHOUT ROWID;
        """;
}
