using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;

namespace Sweep.Storage.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>SWEEP_TEST_POSTGRES</c> names (a URL), or else a throwaway
/// one this process starts with <c>tools/test-postgres</c> and stops when it exits. Each test gets a database
/// of its own on it. Without a server the PostgreSQL tests fail, saying how to get one: they never skip.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "SWEEP_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(FindOrStart, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's URL, with its maintenance database.</summary>
    public static string ServerUrl => Server.Value;

    /// <summary>Creates an empty database on the server; returns its URL.</summary>
    public static string CreateDatabase()
    {
        var name = "sweep_test_" + Guid.NewGuid().ToString("N");
        using (var connection = Connect(ServerUrl))
        {
            connection.Execute($"CREATE DATABASE {name}");
        }

        return UrlOf(ServerUrl, name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing any connection still on it.</summary>
    public static void DropDatabase(string url)
    {
        var name = new Uri(url).AbsolutePath.TrimStart('/');
        using var connection = Connect(ServerUrl);
        connection.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>The same server and user, another database.</summary>
    public static string UrlOf(string serverUrl, string database) => new UriBuilder(serverUrl) { Path = "/" + database }.Uri.ToString();

    /// <summary>An unpooled connection, as psql would open one, to a URL of the test server.</summary>
    public static NpgsqlConnection Connect(string url)
    {
        var uri = new Uri(url);
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port,
            Username = Uri.UnescapeDataString(user[0]),
            Password = user.Length == 2 ? Uri.UnescapeDataString(user[1]) : null,
            Database = uri.AbsolutePath.TrimStart('/'),
            Pooling = false,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Starts a server of its own with <c>tools/test-postgres start</c>; returns its URL.</summary>
    public static string StartServer()
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "test-postgres");
        var (exitCode, output, error) = RunScript(script, "start");
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable} to its URL, or install Debian's postgresql package so that {script} can start one (it exited with {exitCode}: {error.Trim()}).");
        }

        return output.Trim();
    }

    /// <summary>Stops a server <see cref="StartServer"/> started and deletes its folder.</summary>
    public static void StopServer(string url) => RunScript(Path.Combine(RepositoryRoot(), "tools", "test-postgres"), "stop", url);

    /// <summary>Stops a server <see cref="StartServer"/> started, waits <paramref name="down"/>, and starts it again on the same port.</summary>
    public static void RestartServer(string url, TimeSpan down)
    {
        var (exitCode, _, error) = RunScript(
            Path.Combine(RepositoryRoot(), "tools", "test-postgres"), "restart", url, down.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"tools/test-postgres restart exited with {exitCode}: {error.Trim()}");
        }
    }

    private static string FindOrStart()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url)
        {
            return url.Trim();
        }

        var started = StartServer();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopServer(started);
        return started;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sweep.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Sweep.sln above {AppContext.BaseDirectory}: the tests find tools/test-postgres through it; set {Variable} instead.");
    }

    private static (int ExitCode, string Output, string Error) RunScript(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
