using Dapper;
using Microsoft.Data.Sqlite;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>The store of one test, on each kind Sweep has: a SQLite file in the test's folder, or a PostgreSQL database of its own.</summary>
internal abstract class TestStore : IDisposable
{
    /// <summary>What --db takes.</summary>
    public abstract string Location { get; }

    public T Scalar<T>(string sql)
    {
        using var connection = Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    public List<T> Query<T>(string sql)
    {
        using var connection = Open();
        return [.. connection.Query<T>(sql)];
    }

    public abstract void Dispose();

    protected abstract System.Data.Common.DbConnection Open();
}

internal static class TestStores
{
    public static TheoryData<string> Kinds => ["sqlite", "postgres"];

    public static TestStore Create(string kind, SweepFolder folder) => kind switch
    {
        "sqlite" => new SqliteTestStore(folder.DbPath),
        "postgres" => new PostgresTestStore(Sweep.Storage.Tests.TestPostgres.CreateDatabase()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a store kind"),
    };

    /// <summary>A database of its own on the test server, dropped afterwards.</summary>
    private sealed class PostgresTestStore(string url) : TestStore
    {
        public override string Location => url;

        public override void Dispose() => Sweep.Storage.Tests.TestPostgres.DropDatabase(url);

        protected override System.Data.Common.DbConnection Open() => Sweep.Storage.Tests.TestPostgres.Connect(url);
    }

    private sealed class SqliteTestStore(string path) : TestStore
    {
        public override string Location => path;

        /// <summary>The file goes with the test's folder.</summary>
        public override void Dispose()
        {
        }

        protected override System.Data.Common.DbConnection Open()
        {
            var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            return connection;
        }
    }
}
