namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// Schema version 5: leases and trial provenance. A claim writes a lease token and its expiry, by SQLite's
/// clock, on the trial's row; the claimer renews it while the trial trains and records the outcome only
/// under that token, and any claimer puts a trial whose lease ran out back to pending with the next attempt
/// number. <c>reused_from</c> names the experiment version whose finished trial a newer version took
/// instead of training it again. Columns added with defaults: stored trials keep their data, as on their
/// first attempt.
/// </summary>
internal static class Migration005Leases
{
    public const string Sql = """
        ALTER TABLE trials ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;  -- 1 + how many times its lease was lost
        ALTER TABLE trials ADD COLUMN lease_token TEXT;                    -- the claim that holds it while running
        ALTER TABLE trials ADD COLUMN lease_expires TEXT;                  -- when that lease runs out, by the database's clock
        ALTER TABLE trials ADD COLUMN reused_from INTEGER REFERENCES experiments (id);  -- version whose result it took; NULL when trained here
        """;
}
