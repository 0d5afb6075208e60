using Npgsql;

namespace Sweep.Storage.Postgres;

/// <summary>What PostgreSQL and Npgsql report, sorted into what is worth retrying and what the user must fix.</summary>
internal static class PostgresErrors
{
    /// <summary>
    /// A failure that a new connection and a new transaction can get past: the connection broke or timed out,
    /// the server is shutting down or starting (57P01-57P03), a connection error (class 08), or the server
    /// chose this transaction to break a deadlock or a serialization conflict.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException p => p.IsTransient || p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException n => n.IsTransient,
        _ => false,
    };

    /// <summary>Whether the server refused this user or database, which no retry changes.</summary>
    public static bool IsConnectionRefused(Exception e) => e is PostgresException p
        && (p.SqlState.StartsWith("28", StringComparison.Ordinal) || p.SqlState == PostgresErrorCodes.InvalidCatalogName);
}
