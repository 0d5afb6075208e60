using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Search;
using Sweep.Storage.Sqlite;

namespace Sweep.Storage.Tests;

/// <summary>
/// Each test gets its own folder with a store file in it; stores opened through <see cref="OpenStore"/>
/// are closed and the folder deleted afterwards.
/// </summary>
public abstract class StoreTestBase : IDisposable
{
    private readonly List<IResultStore> stores = [];

    protected StoreTestBase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sweep-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DbPath = Path.Combine(Folder, "sweep.db");
    }

    protected string Folder { get; }

    protected string DbPath { get; }

    protected IResultStore OpenStore(StoreOptions? options = null)
    {
        var store = SqliteResultStore.Open(DbPath, options);
        lock (stores)
        {
            stores.Add(store);
        }

        return store;
    }

    /// <summary>An experiment registered in <paramref name="store"/> with its trials planned and a run started.</summary>
    protected static (long ExperimentId, long RunId, ImmutableArray<TrialPlan> Trials) Planned(IResultStore store, int rates = 4, int decays = 2)
    {
        var experiment = Some.Experiment(rates: rates, decays: decays);
        var registration = store.RegisterExperiment(experiment);
        var trials = Some.Trials(experiment);
        store.AddPlannedTrials(registration.Id, trials);
        return (registration.Id, store.StartRun(registration.Id, "test"), trials);
    }

    /// <summary>A query on a connection of its own, as sqlite3 or pandas would read the file.</summary>
    protected T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    /// <summary>The steps SQLite plans for <paramref name="sql"/> (the detail column of EXPLAIN QUERY PLAN).</summary>
    protected string QueryPlan(string sql, object parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return string.Join("\n", connection.Query<(int Id, int Parent, int NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters).Select(step => step.Detail));
    }

    protected void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        connection.Execute(sql);
    }

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
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
