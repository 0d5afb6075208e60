using Sweep.Storage.Sqlite;

namespace Sweep.Storage;

/// <summary>Opens the store a <c>--db</c> value names.</summary>
public static class ResultStores
{
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
