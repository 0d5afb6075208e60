using System.Collections.Immutable;
using Dapper;
using Npgsql;

namespace Sweep.Storage.Postgres.Schema;

/// <summary>
/// Brings a PostgreSQL store to the latest schema. The version lives in the one-row table
/// <c>schema_version</c>; every step runs in one transaction under a transaction-level advisory lock, so
/// many workers opening a fresh database at once create the schema exactly once and the others wait, then
/// find it done. Versions follow the SQLite store's, so version 7 here is version 7 of a SQLite file. SQLite's
/// version 8 changed only how it keeps epochs (packed, a thousand to a row): PostgreSQL takes epoch rows through
/// binary COPY without a statement per row, so it keeps them as rows and has no version 8. Version 9 adds the
/// notifications of changed trials, which SQLite has not.
/// </summary>
internal static class PostgresSchemaMigrator
{
    /// <summary>Every schema step this code knows, in order; the first creates the whole schema of its version.</summary>
    public static ImmutableArray<(int Version, string Sql)> All { get; } = [(7, PostgresSchema007.Sql), (9, PostgresSchema009.Sql)];

    public static int Latest => All[^1].Version;

    /// <summary>The advisory lock every Sweep process takes to migrate; any constant other applications are unlikely to pick.</summary>
    private const long MigrationLock = 0x53_57_45_45_50_00_00_01;

    /// <summary>
    /// Read from the catalog as a query, on the statement's snapshot: <c>to_regclass</c> reads the session's
    /// catalog cache, which may not yet know a table another process created while this one waited for the lock.
    /// </summary>
    private const string VersionTableExistsSql = """
        SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_version')
        """;

    private const string ReadVersionSql = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    private const string OtherTablesSql = """
        SELECT COUNT(*) FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name IN ('experiments', 'runs', 'trials', 'trial_epochs', 'range_tests')
        """;

    public static void Migrate(NpgsqlConnection connection, NpgsqlTransaction transaction, string location)
    {
        if (CurrentVersion(connection, transaction) is { } current && current >= Latest)
        {
            Check(current, location);
            return;
        }

        connection.Execute("SELECT pg_advisory_xact_lock(@Key)", new { Key = MigrationLock }, transaction);

        // Read again under the lock: another process may have migrated meanwhile.
        var found = CurrentVersion(connection, transaction);
        if (found is null)
        {
            if (connection.ExecuteScalar<long>(OtherTablesSql, transaction: transaction) > 0)
            {
                throw StoreException.NotAPostgresStore(location);
            }

            connection.Execute("CREATE TABLE schema_version (version integer NOT NULL)", transaction: transaction);
            connection.Execute("INSERT INTO schema_version (version) VALUES (0)", transaction: transaction);
        }

        Check(found ?? 0, location);
        foreach (var (version, sql) in All.Where(m => m.Version > (found ?? 0)))
        {
            connection.Execute(sql, transaction: transaction);
            connection.Execute("UPDATE schema_version SET version = @Version", new { Version = version }, transaction);
        }
    }

    private static int? CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteScalar<bool>(VersionTableExistsSql, transaction: transaction)
            ? connection.ExecuteScalar<int>(ReadVersionSql, transaction: transaction)
            : null;

    private static void Check(int found, string location)
    {
        if (found > Latest)
        {
            throw StoreException.NewerSchema(location, found, Latest);
        }
    }
}
