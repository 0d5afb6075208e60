using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Storage.Postgres;
using Sweep.Storage.Sqlite;

namespace Sweep.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL store's schema: the same tables, views and columns as a SQLite store's but for the table the
/// epochs live in (rows on PostgreSQL, packed on SQLite), created once however many open it.
/// </summary>
public sealed class PostgresSchemaTests() : StoreTestBase(StoreKind.Postgres)
{
    private const string ColumnsSql = """
        SELECT table_name || '.' || column_name
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name NOT IN ('schema_version', 'trial_epochs')
        ORDER BY table_name, ordinal_position
        """;

    private const string SqliteColumnsSql = """
        SELECT m.name || '.' || c.name
        FROM sqlite_schema m JOIN pragma_table_info(m.name) c
        WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'trial_epoch_chunks'
        ORDER BY m.name, c.cid
        """;

    [Fact]
    public void A_fresh_database_gets_every_table_view_and_column_of_a_sqlite_store_but_the_packed_epochs()
    {
        OpenStore();
        using (SqliteResultStore.Open(DbPath))
        {
        }

        using var sqlite = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        using var postgres = TestPostgres.Connect(Location);
        Assert.Equal(sqlite.Query<string>(SqliteColumnsSql), postgres.Query<string>(ColumnsSql));
        Assert.Equal(9, PostgresResultStore.SchemaVersion);
        Assert.Equal(8, SqliteResultStore.SchemaVersion);
        Assert.Equal(9, Scalar<int>("SELECT version FROM schema_version"));
        Assert.Equal(
            "trials_by_learning_rate trials_by_run trials_by_status trials_claimable",
            Scalar<string>("SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'trials' AND indexname NOT LIKE '%key'"));
    }

    [Fact]
    public void Eight_stores_opening_a_fresh_database_at_once_all_open_it_and_the_schema_is_created_once()
    {
        using var start = new Barrier(8);
        var stores = new IResultStore[8];

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            start.SignalAndWait();
            stores[i] = OpenStore();
        });

        Assert.All(stores, s => Assert.Equal(Location.Replace("postgres://", "", StringComparison.Ordinal), s.Location.Replace("postgres://", "", StringComparison.Ordinal)));
        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(9, Scalar<int>("SELECT version FROM schema_version"));
        var (experimentId, _, trials) = Planned(stores[5]);
        Assert.Equal(trials.Length, stores[2].ListTrials(experimentId).Length);
    }

    [Fact]
    public void A_database_holding_tables_of_another_program_is_refused_and_left_as_it_was()
    {
        Execute("CREATE TABLE trials (note text)");

        var error = Assert.Throws<StoreException>(() => OpenStore());

        Assert.Equal(
            $"The database {PostgresLocation.Parse(Location).Display} has tables but not those of a Sweep result store; create an empty database for Sweep and pass it as --db.",
            error.Message);
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN ('schema_version', 'experiments')"));
    }

    [Fact]
    public void A_store_written_by_a_newer_sweep_is_refused()
    {
        OpenStore().Dispose();
        Execute("UPDATE schema_version SET version = 99");

        var error = Assert.Throws<StoreException>(() => OpenStore());

        Assert.Equal(
            $"The store '{PostgresLocation.Parse(Location).Display}' has schema version 99 but this Sweep knows versions up to 9; upgrade Sweep or pass another --db path.",
            error.Message);
    }

    [Fact]
    public void A_store_at_version_7_gets_the_notifications_of_changed_trials_and_keeps_its_trials()
    {
        var (experimentId, _, trials) = Planned(OpenStore());
        Execute("DROP TRIGGER trials_added ON trials; DROP TRIGGER trials_moved ON trials; DROP FUNCTION sweep_trials_changed(); UPDATE schema_version SET version = 7");

        var store = OpenStore();

        Assert.Equal(9, Scalar<int>("SELECT version FROM schema_version"));
        Assert.Equal("trials_added trials_moved", Scalar<string>("SELECT string_agg(tgname, ' ' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = 'trials'::regclass AND NOT tgisinternal"));
        Assert.Equal(trials.Length, store.ListTrials(experimentId).Length);
    }
}
