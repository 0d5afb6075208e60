using System.Collections.Immutable;
using System.Data;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Storage.Sqlite.Schema;

namespace Sweep.Storage.Sqlite;

/// <summary>
/// The result store in one SQLite file, holding experiments, runs, trials, their epochs and range tests. One connection per
/// instance (WAL, busy timeout, foreign keys on); every write is a <c>BEGIN IMMEDIATE</c> transaction, so
/// several instances and processes can share a file. An instance is safe to use from several threads:
/// calls on it run one at a time. Failures surface as <see cref="StoreException"/>. Leases expire by SQLite's
/// own clock (<c>strftime('now')</c>), the one clock every process on the file shares.
/// </summary>
public sealed partial class SqliteResultStore : IResultStore
{
    /// <summary>How long SQLite itself waits for another writer before reporting the file busy.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a write keeps retrying <c>BEGIN IMMEDIATE</c> before giving up on a busy file.</summary>
    private static readonly TimeSpan WriteDeadline = TimeSpan.FromSeconds(60);

    private readonly SqliteConnection connection;
    private readonly string fullPath;
    private readonly Lock gate = new();

    private SqliteResultStore(string filePath, string fullPath, SqliteConnection connection, StoreOptions options)
    {
        Location = filePath;
        this.fullPath = fullPath;
        this.connection = connection;
        Lease = options.Lease;
    }

    /// <summary>The store's path as it was given to <see cref="Open(string, StoreOptions?)"/>.</summary>
    public string Location { get; }

    public TimeSpan Lease { get; }

    /// <summary>The page size of a new store file, in bytes.</summary>
    internal const int PageSize = 65536;

    /// <summary>The schema version this code writes (<c>PRAGMA user_version</c>).</summary>
    public static int SchemaVersion => Migrations.Latest;

    /// <summary>Opens the store at <paramref name="path"/>, creating the file or migrating its schema as needed.</summary>
    public static IResultStore Open(string path, StoreOptions? options = null) => Open(path, Migrations.All, options);

    internal static IResultStore Open(string path, ImmutableArray<Migration> migrations, StoreOptions? options = null)
    {
        options ??= StoreOptions.Default;
        if (options.Lease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Lease, "a lease lasts a positive time");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreException.Unwritable(path, e);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // One connection per store; pooling would keep the file open after Dispose.
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        try
        {
            connection.Open();
            Configure(connection);
            SchemaMigrator.Migrate(connection, path, migrations);
            return new SqliteResultStore(path, fullPath, connection, options);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw e.ToStoreException(path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>How often a waiting process asks SQLite whether another connection changed the file.</summary>
    private static readonly TimeSpan ChangePoll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Waits for another connection to commit to the file, which SQLite tells by <c>PRAGMA data_version</c>:
    /// a look at shared memory, with no read of the file, so it is asked every 50 ms. Any commit counts, since
    /// SQLite cannot tell which tables it changed.
    /// </summary>
    public async Task WaitForTrialChangesAsync(TimeSpan longest, CancellationToken stop)
    {
        var start = Stopwatch.GetTimestamp();
        var version = DataVersion();
        while (Stopwatch.GetElapsedTime(start) is var waited && waited < longest)
        {
            await Task.Delay(waited + ChangePoll < longest ? ChangePoll : longest - waited, stop).ConfigureAwait(false);
            if (DataVersion() != version)
            {
                return;
            }
        }
    }

    private long DataVersion() => Read(c => c.ExecuteScalar<long>("PRAGMA data_version"));

    public void Dispose()
    {
        lock (gate)
        {
            outcomeWriter?.Dispose();
            connection.Dispose();
        }
    }

    /// <summary>
    /// Starts a write transaction with <c>BEGIN IMMEDIATE</c>, so the write lock is taken up front and a
    /// transaction never fails half-way for want of it. SQLite's busy timeout waits for other writers; past
    /// it, the begin is retried with a growing, jittered pause until <see cref="WriteDeadline"/>.
    /// </summary>
    internal static SqliteTransaction BeginImmediate(SqliteConnection connection)
    {
        var start = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            }
            catch (SqliteException e) when (IsBusy(e) && Stopwatch.GetElapsedTime(start) < WriteDeadline)
            {
                Thread.Sleep(Random.Shared.Next(10, 50) * Math.Min(attempt, 10));
            }
        }
    }

    private static bool IsBusy(SqliteException e) =>
        (e.SqliteErrorCode & 0xFF) is SqliteErrorCodes.Busy or SqliteErrorCodes.Locked;

    private static void Configure(SqliteConnection connection)
    {
        // WAL lets readers go on while a trial is written; NORMAL sync in WAL mode keeps every committed
        // transaction through a killed process (only a power cut can lose the last ones) and never corrupts.
        connection.Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");

        // A new file gets 64 KB pages (SQLite's largest; an existing file keeps its own): packed epochs take about
        // 100 bytes each, and each page costs a write to the log and another into the file, so 4 KB pages spent
        // more on those system calls than on everything else the store does for tiny trials.
        connection.Execute($"PRAGMA page_size = {PageSize}");
        connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL");
        connection.Execute("PRAGMA synchronous = NORMAL");
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed if it returns.</summary>
    private T Write<T>(Func<SqliteTransaction, T> work)
    {
        lock (gate)
        {
            try
            {
                using var transaction = BeginImmediate(connection);
                var result = work(transaction);
                transaction.Commit();
                return result;
            }
            catch (SqliteException e)
            {
                throw e.ToStoreException(Location);
            }
        }
    }

    /// <summary>Runs several queries on one snapshot of the file (a deferred read transaction in WAL mode).</summary>
    private T ReadSnapshot<T>(Func<SqliteTransaction, T> queries)
    {
        lock (gate)
        {
            try
            {
                using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: true);
                return queries(transaction);
            }
            catch (SqliteException e)
            {
                throw e.ToStoreException(Location);
            }
        }
    }

    private T Read<T>(Func<SqliteConnection, T> query)
    {
        lock (gate)
        {
            try
            {
                return query(connection);
            }
            catch (SqliteException e)
            {
                throw e.ToStoreException(Location);
            }
        }
    }
}
