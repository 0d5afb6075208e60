namespace Sweep.Storage;

/// <summary>
/// The result store cannot be used: not a store, damaged, not writable, written by a newer Sweep, or
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

    internal static StoreException BadPostgresLocation(string what, string fix) => new(
        $"The --db value looks like a PostgreSQL database but {what} cannot be read: {fix}.");

    internal static StoreException CannotConnect(string location, Exception inner) => new(
        $"Cannot connect to {location} ({inner.Message}); check that the server runs and accepts this user and password (from the URL, PGPASSWORD or ~/.pgpass), or pass another --db.",
        inner);

    internal static StoreException Unreachable(string location, TimeSpan retried, Exception inner) => new(
        $"Lost the connection to {location} and could not get it back within {(int)retried.TotalSeconds} s ({inner.Message}); check the server and the network, then run again (finished trials are kept).",
        inner);

    internal static StoreException NotAPostgresStore(string location) => new(
        $"The database {location} has tables but not those of a Sweep result store; create an empty database for Sweep and pass it as --db.");

    internal static StoreException DatabaseError(string location, Exception inner) => new(
        $"The store {location} reported an error ({inner.Message}); run with --verbose and report it if it persists.", inner);
}
