using Sweep.Storage.Sqlite;

namespace Sweep.Storage;

/// <summary>Opens the store a <c>--db</c> value names.</summary>
public static class ResultStores
{
    /// <summary>Whether <paramref name="location"/> names a database server (a URL or a connection string) rather than a SQLite file.</summary>
    public static bool IsServer(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || location.TrimStart().StartsWith("host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens (creating or migrating as needed) the store at <paramref name="location"/>. Today every
    /// location is a SQLite file path; a database URL will pick its own implementation here.
    /// </summary>
    public static IResultStore Open(string location, StoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return SqliteResultStore.Open(location, options ?? StoreOptions.Default);
    }
}
