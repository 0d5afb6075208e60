using System.Globalization;
using Npgsql;

namespace Sweep.Storage.Postgres;

/// <summary>
/// A PostgreSQL database as a <c>--db</c> value names it: a <c>postgres://user:password@host:port/db?sslmode=...</c>
/// URL (also <c>postgresql://</c>) or an Npgsql connection string (<c>Host=...;Database=...</c>). The password
/// comes from the value, else Npgsql takes it from <c>PGPASSWORD</c> or the password file (<c>PGPASSFILE</c>,
/// <c>~/.pgpass</c>). <see cref="Display"/> never holds the password, so it may be printed and logged.
/// </summary>
internal sealed record PostgresLocation
{
    private const int DefaultPort = 5432;

    private static readonly string[] UrlSchemes = ["postgres://", "postgresql://"];

    private PostgresLocation(NpgsqlConnectionStringBuilder builder)
    {
        ConnectionString = builder.ConnectionString;
        Password = builder.Password;
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@";
        var host = builder.Host is { } h && h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('[') ? $"[{h}]" : builder.Host;
        Display = string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>What Npgsql opens, password included: never print it.</summary>
    internal string ConnectionString { get; }

    /// <summary>The password the location itself carries, if any, so messages can be checked for it.</summary>
    internal string? Password { get; }

    /// <summary>The location without its password: <c>postgres://user@host:port/db</c>.</summary>
    public string Display { get; }

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool Names(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.Trim();
        return UrlSchemes.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            || (text.Contains('=', StringComparison.Ordinal) && TryBuilder(text) is { Host.Length: > 0 });
    }

    /// <summary>Reads a URL or a connection string; a malformed one is a <see cref="StoreException"/> that does not repeat its password.</summary>
    public static PostgresLocation Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.Trim();
        if (!UrlSchemes.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return TryBuilder(text) is { Host.Length: > 0 } builder
                ? new PostgresLocation(builder)
                : throw StoreException.BadPostgresLocation("the connection string", "it names no Host");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw StoreException.BadPostgresLocation("the URL", "write it as postgres://user:password@host:port/database");
        }

        var url = new NpgsqlConnectionStringBuilder
        {
            Host = uri.DnsSafeHost,
            Port = uri.Port > 0 ? uri.Port : DefaultPort,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            url.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            url.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        url.Database = database.Length > 0 ? database : url.Username;
        foreach (var (key, value) in QueryOf(uri))
        {
            try
            {
                url[key] = value;
            }
            catch (ArgumentException)
            {
                throw StoreException.BadPostgresLocation("the URL", $"Npgsql knows no parameter '{key}' (or not the value '{value}')");
            }
        }

        return new PostgresLocation(url);
    }

    public override string ToString() => Display;

    private static NpgsqlConnectionStringBuilder? TryBuilder(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static IEnumerable<(string Key, string Value)> QueryOf(Uri uri) => uri.Query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length == 2 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : ""));
}
