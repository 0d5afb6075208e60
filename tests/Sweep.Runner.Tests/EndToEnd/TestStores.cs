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

    public virtual void Dispose()
    {
    }

    protected abstract System.Data.Common.DbConnection Open();
}

internal static class TestStores
{
    public static TheoryData<string> Kinds => ["sqlite"];

    public static TestStore Create(string kind, SweepFolder folder) => kind switch
    {
        "sqlite" => new SqliteTestStore(folder.DbPath),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a store kind"),
    };

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
