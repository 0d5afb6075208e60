using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// Brings a store to the latest schema: applies each migration above the file's <c>user_version</c> in
/// order, each in its own <c>BEGIN IMMEDIATE</c> transaction together with the new version, so a crash
/// or a second process migrating at the same moment leaves the file at some whole version.
/// </summary>
internal static class SchemaMigrator
{
    private const string CountTablesSql = "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'";

    public static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        connection.ExecuteScalar<int>("PRAGMA user_version", transaction: transaction);

    public static void Migrate(SqliteConnection connection, string path, ImmutableArray<Migration> migrations)
    {
        var latest = migrations[^1].Version;
        var found = UserVersion(connection);
        if (found > latest)
        {
            throw StoreException.NewerSchema(path, found, latest);
        }

        foreach (var migration in migrations.Where(m => m.Version > found))
        {
            using var transaction = SqliteResultStore.BeginImmediate(connection);

            // Read again under the write lock: another process may have migrated meanwhile.
            var current = UserVersion(connection, transaction);
            if (current >= migration.Version)
            {
                continue;
            }

            if (current == 0 && connection.ExecuteScalar<int>(CountTablesSql, transaction: transaction) > 0)
            {
                throw StoreException.NotAStore(path);
            }

            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute($"PRAGMA user_version = {migration.Version}", transaction: transaction);
            transaction.Commit();
        }
    }
}
