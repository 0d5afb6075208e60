using System.Data;
using System.Diagnostics;
using Npgsql;
using Sweep.Storage.Postgres.Schema;

namespace Sweep.Storage.Postgres;

/// <summary>
/// The result store in a PostgreSQL database, shared by workers on many machines. Every call takes a
/// connection of its own from a pool and runs in one transaction, so an instance is safe to use from several
/// threads and its calls run side by side. A call that loses its connection (server restart, network) is run
/// again in a new transaction after a growing pause, for up to <see cref="StoreOptions.RetryFor"/>. Leases
/// expire by the server's clock. Failures surface as <see cref="StoreException"/>, whose messages name the
/// database without its password.
/// </summary>
public sealed partial class PostgresResultStore : IResultStore
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    private readonly PostgresLocation location;
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeSpan retryFor;

    /// <summary>Whether any call reached the server: afterwards a failure to connect is a lost connection, not a wrong location.</summary>
    private volatile bool connected;

    private PostgresResultStore(PostgresLocation location, NpgsqlDataSource dataSource, StoreOptions options)
    {
        this.location = location;
        this.dataSource = dataSource;
        Lease = options.Lease;
        retryFor = options.RetryFor;
    }

    /// <summary>The database as <c>postgres://user@host:port/db</c>, without its password.</summary>
    public string Location => location.Display;

    public TimeSpan Lease { get; }

    /// <summary>The schema version this code writes (the <c>schema_version</c> table).</summary>
    public static int SchemaVersion => PostgresSchemaMigrator.Latest;

    /// <summary>Opens the store a PostgreSQL URL or connection string names, creating or migrating its schema as needed.</summary>
    public static IResultStore Open(string location, StoreOptions? options = null) =>
        Open(PostgresLocation.Parse(location), options ?? StoreOptions.Default);

    internal static PostgresResultStore Open(PostgresLocation location, StoreOptions options)
    {
        if (options.Lease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Lease, "a lease lasts a positive time");
        }

        var builder = new NpgsqlDataSourceBuilder(location.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "sweep";
        // The store uses only PostgreSQL's built-in types, which Npgsql knows without reading the server's type
        // catalogue: reading it made the first connection of every command a query longer.
        builder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        var store = new PostgresResultStore(location, builder.Build(), options);
        try
        {
            store.Run((connection, transaction) =>
            {
                PostgresSchemaMigrator.Migrate(connection, transaction, store.Location);
                return 0;
            });
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        StopListening();
        dataSource.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on a pooled connection, committed if it returns; see <see cref="Retrying"/>.</summary>
    private T Run<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work, IsolationLevel isolation = IsolationLevel.ReadCommitted) => Retrying(() =>
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(isolation);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    });

    /// <summary>
    /// Runs <paramref name="attempt"/>, and when the connection breaks or the server restarts, empties the pool
    /// and runs it again after a pause that doubles from 0.1 s to 5 s (jittered, so many workers do not return
    /// at once), until <see cref="StoreOptions.RetryFor"/> has passed. An attempt is a whole transaction, so
    /// one cut short leaves nothing behind.
    /// </summary>
    private T Retrying<T>(Func<T> attempt)
    {
        var start = Stopwatch.GetTimestamp();
        var pause = FirstPause;
        while (true)
        {
            try
            {
                return attempt();
            }
            catch (Exception e) when (PostgresErrors.IsTransient(e))
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (elapsed >= retryFor)
                {
                    throw connected ? StoreException.Unreachable(Location, elapsed, e) : StoreException.CannotConnect(Location, e);
                }

                dataSource.Clear();
                Thread.Sleep(pause * (0.5 + Random.Shared.NextDouble()));
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
            catch (NpgsqlException e)
            {
                throw connected && !PostgresErrors.IsConnectionRefused(e)
                    ? StoreException.DatabaseError(Location, e)
                    : StoreException.CannotConnect(Location, e);
            }
        }
    }

    private NpgsqlConnection Connect()
    {
        var connection = dataSource.OpenConnection();
        connected = true;
        return connection;
    }

    /// <summary>Runs several queries on one snapshot of the database.</summary>
    private T ReadSnapshot<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> queries) => Run(queries, IsolationLevel.RepeatableRead);

    private T Read<T>(Func<NpgsqlConnection, T> query) => Run((connection, _) => query(connection));
}
