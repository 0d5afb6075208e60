using Microsoft.Data.Sqlite;

namespace Sweep.Storage;

/// <summary>
/// The result store cannot be used: not a SQLite file, damaged, not writable, written by a newer Sweep, or
/// locked for too long. The message is one sentence that names the file and says what to do; the CLI
/// prints it and exits with code 3.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static StoreException NewerSchema(string path, int found, int known) => new(
        $"The store '{path}' has schema version {found} but this Sweep knows versions up to {known}; upgrade Sweep or pass another --db path.");

    internal static StoreException NotAStore(string path) => new(
        $"The file '{path}' is a SQLite database but not a Sweep result store; pass another --db path.");

    internal static StoreException Unwritable(string path, Exception inner) => new(
        $"The store '{path}' cannot be created or written ({inner.Message}); check that its folder exists and is writable, or pass another --db path.",
        inner);

    /// <summary>Translates what SQLite reported into what the user can do about it.</summary>
    internal static StoreException From(SqliteException e, string path) => (e.SqliteErrorCode & 0xFF) switch
    {
        SqliteErrorCodes.NotADatabase => new(
            $"The file '{path}' is not a SQLite database, so it cannot be a Sweep result store; move it away or pass another --db path.", e),
        SqliteErrorCodes.Corrupt => new(
            $"The store '{path}' is damaged (SQLite reports a malformed database); restore it from a backup or pass another --db path.", e),
        SqliteErrorCodes.CannotOpen or SqliteErrorCodes.ReadOnly or SqliteErrorCodes.Permission or SqliteErrorCodes.Authorization =>
            Unwritable(path, e),
        SqliteErrorCodes.Full => new(
            $"The disk holding the store '{path}' is full; free some space and run again (finished trials are kept).", e),
        SqliteErrorCodes.Busy or SqliteErrorCodes.Locked => new(
            $"The store '{path}' stayed locked by another process for too long; wait for that process to finish or pass another --db path.", e),
        SqliteErrorCodes.IoError => new(
            $"Reading or writing the store '{path}' failed ({e.Message}); check the disk and run again.", e),
        _ => new($"The store '{path}' reported an error ({e.Message}); run with --verbose and report it if it persists.", e),
    };
}
