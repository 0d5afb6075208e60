using Dapper;
using Microsoft.Data.Sqlite;

namespace Sweep.Runner.Tests;

/// <summary>
/// A temporary folder for one test: its experiment files, its store (sweep.db) and its --out folder.
/// Runs the CLI against them and reads the store as sqlite3 or pandas would.
/// </summary>
internal sealed class SweepFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("sweep-runner-tests-").FullName;

    public string DbPath => Path.Combine(Root, "sweep.db");

    public string OutPath => Path.Combine(Root, "out");

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>`sweep run FILE` on this folder's store and output folder, plus <paramref name="options"/>.</summary>
    public CliRun Run(string file, params string[] options) => CliRun.Of(["run", file, "--db", DbPath, "--out", OutPath, .. options]);

    public CliRun Run(string file, CancellationToken stop) => CliRun.Of(["run", file, "--db", DbPath, "--out", OutPath], stop);

    /// <summary>A read-only command (list, show) on this folder's store.</summary>
    public CliRun Command(params string[] args) => CliRun.Of([.. args, "--db", DbPath]);

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public List<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = Open();
        return [.. connection.Query<T>(sql, parameters)];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail the test that used it.
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
