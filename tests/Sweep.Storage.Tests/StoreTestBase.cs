using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Search;

namespace Sweep.Storage.Tests;

/// <summary>
/// Each test gets a store of its own: a SQLite file in a folder of its own, or a PostgreSQL database of its
/// own on the test server (<see cref="TestPostgres"/>). Stores opened through <see cref="OpenStore"/> are
/// closed, and the folder and the database dropped, afterwards. A class of tests for both stores is abstract,
/// takes the <see cref="StoreKind"/>, and has a sealed subclass per store beside it.
/// </summary>
public abstract class StoreTestBase : IDisposable
{
    private readonly List<IResultStore> stores = [];

    /// <summary>Tests of what only a SQLite store has (its file, pragmas, migrations).</summary>
    protected StoreTestBase()
        : this(StoreKind.Sqlite)
    {
    }

    protected StoreTestBase(StoreKind kind)
    {
        Kind = kind;
        Folder = Path.Combine(Path.GetTempPath(), "sweep-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DbPath = Path.Combine(Folder, "sweep.db");
        Location = kind == StoreKind.Sqlite ? DbPath : TestPostgres.CreateDatabase();
    }

    protected StoreKind Kind { get; }

    protected string Folder { get; }

    /// <summary>The SQLite file a SQLite test's store is in.</summary>
    protected string DbPath { get; }

    /// <summary>What the test's stores are opened with: the SQLite file's path or the PostgreSQL database's URL.</summary>
    protected string Location { get; }

    /// <summary>
    /// How the store words an epoch recorded twice: PostgreSQL's primary key of epoch rows, SQLite's own check
    /// before it packs them.
    /// </summary>
    protected string DuplicateEpochError => Kind == StoreKind.Postgres ? "duplicate key value violates unique constraint" : "epochs are not in increasing order";

    protected IResultStore OpenStore(StoreOptions? options = null)
    {
        var store = ResultStores.Open(Location, options);
        lock (stores)
        {
            stores.Add(store);
        }

        return store;
    }

    /// <summary>An experiment registered in <paramref name="store"/> with its trials planned and a run started.</summary>
    protected static (long ExperimentId, long RunId, ImmutableArray<TrialPlan> Trials) Planned(IResultStore store, int rates = 4, int decays = 2, string name = "store-test")
    {
        var experiment = Some.Experiment(name, rates, decays);
        var registration = store.RegisterExperiment(experiment);
        var trials = Some.Trials(experiment);
        store.AddPlannedTrials(registration.Id, trials);
        return (registration.Id, store.StartRun(registration.Id, "test"), trials);
    }

    /// <summary>A query on a connection of its own, as sqlite3, psql or pandas would read the store.</summary>
    protected T Scalar<T>(string sql)
    {
        if (Kind == StoreKind.Postgres)
        {
            using var postgres = TestPostgres.Connect(Location);
            return postgres.ExecuteScalar<T>(sql)!;
        }

        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    /// <summary>A time the store holds: ISO 8601 text in SQLite, <c>timestamptz</c> in PostgreSQL.</summary>
    protected DateTimeOffset ScalarTime(string sql) => Kind == StoreKind.Postgres
        ? new DateTimeOffset(Scalar<DateTime>(sql).ToUniversalTime())
        : DateTimeOffset.Parse(Scalar<string>(sql), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// Holds back every write to the trials until disposed, as another process in a long write transaction
    /// would: SQLite's write lock, or PostgreSQL's exclusive lock on the table (reads go on).
    /// </summary>
    protected IDisposable BlockWrites()
    {
        DbConnection connection;
        if (Kind == StoreKind.Postgres)
        {
            connection = TestPostgres.Connect(Location);
            connection.Execute("BEGIN; LOCK TABLE trials IN EXCLUSIVE MODE");
        }
        else
        {
            connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
            connection.Open();
            connection.Execute("BEGIN IMMEDIATE");
        }

        return new WriteBlock(connection);
    }

    /// <summary>The steps SQLite plans for <paramref name="sql"/> (the detail column of EXPLAIN QUERY PLAN).</summary>
    protected string QueryPlan(string sql, object parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return string.Join("\n", connection.Query<(int Id, int Parent, int NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters).Select(step => step.Detail));
    }

    /// <summary>A statement on a connection of its own, as another program changing the store would run it.</summary>
    protected void Execute(string sql)
    {
        if (Kind == StoreKind.Postgres)
        {
            using var postgres = TestPostgres.Connect(Location);
            postgres.Execute(sql);
            return;
        }

        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        connection.Execute(sql);
    }

    private sealed class WriteBlock(DbConnection connection) : IDisposable
    {
        public void Dispose()
        {
            connection.Execute("ROLLBACK");
            connection.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        if (Kind == StoreKind.Postgres)
        {
            TestPostgres.DropDatabase(Location);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail the test that used it.
        }

        GC.SuppressFinalize(this);
    }
}
