using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Storage.Tests;

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

    public virtual void Dispose()
    {
    }

    protected abstract System.Data.Common.DbConnection Open();
}

internal static class TestStores
{
    public static TheoryData<string> Kinds => ["sqlite", "postgres"];

    public static TestStore Create(string kind, SweepFolder folder) => kind switch
    {
        "sqlite" => new SqliteTestStore(folder.DbPath),
        "postgres" => new PostgresTestStore(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a store kind"),
    };

    /// <summary>A database of its own on the test server, dropped afterwards.</summary>
    private sealed class PostgresTestStore : TestStore
    {
        public override string Location { get; } = TestPostgres.CreateDatabase();

        public override void Dispose()
        {
            TestPostgres.DropDatabase(Location);
            base.Dispose();
        }

        protected override System.Data.Common.DbConnection Open() => TestPostgres.Connect(Location);
    }

    private sealed class SqliteTestStore(string path) : TestStore
    {
        public override string Location => path;

        protected override System.Data.Common.DbConnection Open()
        {
            var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            return connection;
        }
    }
}
