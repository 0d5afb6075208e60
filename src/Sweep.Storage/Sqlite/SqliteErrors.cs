using Microsoft.Data.Sqlite;

namespace Sweep.Storage.Sqlite;

/// <summary>What SQLite reports, as the <see cref="StoreException"/> the user reads.</summary>
internal static class SqliteErrors
{
    /// <summary>Translates what SQLite reported into what the user can do about it.</summary>
    public static StoreException ToStoreException(this SqliteException e, string path) => (e.SqliteErrorCode & 0xFF) switch
    {
        SqliteErrorCodes.NotADatabase => new StoreException(
            $"The file '{path}' is not a SQLite database, so it cannot be a Sweep result store; move it away or pass another --db path.", e),
        SqliteErrorCodes.Corrupt => new StoreException(
            $"The store '{path}' is damaged (SQLite reports a malformed database); restore it from a backup or pass another --db path.", e),
        SqliteErrorCodes.CannotOpen or SqliteErrorCodes.ReadOnly or SqliteErrorCodes.Permission or SqliteErrorCodes.Authorization =>
            StoreException.Unwritable(path, e),
        SqliteErrorCodes.Full => new StoreException(
            $"The disk holding the store '{path}' is full; free some space and run again (finished trials are kept).", e),
        SqliteErrorCodes.Busy or SqliteErrorCodes.Locked => new StoreException(
            $"The store '{path}' stayed locked by another process for too long; wait for that process to finish or pass another --db path.", e),
        SqliteErrorCodes.IoError => new StoreException(
            $"Reading or writing the store '{path}' failed ({e.Message}); check the disk and run again.", e),
        _ => new StoreException($"The store '{path}' reported an error ({e.Message}); run with --verbose and report it if it persists.", e),
    };
}
