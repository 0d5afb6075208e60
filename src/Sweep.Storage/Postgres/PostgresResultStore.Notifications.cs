using Npgsql;
using Sweep.Storage.Postgres.Schema;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    /// <summary>One waiter at a time on the listening connection, which like any connection serves one caller.</summary>
    private readonly SemaphoreSlim listening = new(1, 1);

    /// <summary>The connection that listens for changed trials, opened by the first wait and kept until disposed.</summary>
    private NpgsqlConnection? listener;

    /// <summary>
    /// Waits for the server's notification of changed trials. The first call starts listening and returns at
    /// once: a change between the caller's last look and the start of listening would otherwise go unseen until
    /// <paramref name="longest"/> passed. A lost connection makes this a plain pause; the next call listens anew.
    /// </summary>
    public async Task WaitForTrialChangesAsync(TimeSpan longest, CancellationToken stop)
    {
        await listening.WaitAsync(stop).ConfigureAwait(false);
        try
        {
            if (listener is null)
            {
                listener = await ListenAsync(stop).ConfigureAwait(false);
                return;
            }

            await listener.WaitAsync(longest, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException && !stop.IsCancellationRequested)
        {
            StopListening();
            await Task.Delay(longest, stop).ConfigureAwait(false);
        }
        finally
        {
            listening.Release();
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken stop)
    {
        var connection = await dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand($"LISTEN {PostgresSchema009.Channel}", connection);
            await command.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void StopListening()
    {
        listener?.Dispose();
        listener = null;
    }
}
