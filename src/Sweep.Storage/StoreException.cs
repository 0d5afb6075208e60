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
}
