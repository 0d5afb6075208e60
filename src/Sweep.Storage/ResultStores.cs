using Sweep.Storage.Postgres;
using Sweep.Storage.Sqlite;

namespace Sweep.Storage;

/// <summary>Opens the store a <c>--db</c> value names.</summary>
public static class ResultStores
{
    /// <summary>Whether <paramref name="location"/> names a database server (a URL or a connection string) rather than a SQLite file.</summary>
    public static bool IsServer(string location) => PostgresLocation.Names(location);

    /// <summary>
    /// Opens (creating or migrating as needed) the store at <paramref name="location"/>: a PostgreSQL database
    /// for a <c>postgres://</c> or <c>postgresql://</c> URL or an Npgsql connection string (<c>Host=...;...</c>),
    /// else the SQLite file at that path.
    /// </summary>
    public static IResultStore Open(string location, StoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return IsServer(location)
            ? PostgresResultStore.Open(location, options)
            : SqliteResultStore.Open(location, options ?? StoreOptions.Default);
    }
}
