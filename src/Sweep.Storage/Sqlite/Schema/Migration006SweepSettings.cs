namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// Schema version 6: <c>experiments.settings</c>, the JSON of what telling a version's sweep again needs of its
/// file (description, strategy, searched keys, repeats, coarse-to-fine settings with the start resolved,
/// range-test settings, diagnosis thresholds), written when the version is registered. Reading a store then never
/// binds the stored YAML against today's folders and data files. Versions registered before keep NULL, and their
/// search block is read from the stored YAML without looking at any file.
/// </summary>
internal static class Migration006SweepSettings
{
    public const string Sql = """
        ALTER TABLE experiments ADD COLUMN settings TEXT;  -- JSON of the sweep's settings; NULL for versions registered before
        """;
}
