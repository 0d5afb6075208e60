namespace Sweep.Storage.Sqlite;

/// <summary>The primary SQLite result codes the store reacts to (https://sqlite.org/rescode.html).</summary>
internal static class SqliteErrorCodes
{
    public const int Permission = 3;
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoError = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CannotOpen = 14;
    public const int Authorization = 23;
    public const int NotADatabase = 26;
}
