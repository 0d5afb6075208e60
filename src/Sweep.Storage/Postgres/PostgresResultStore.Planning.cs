using Npgsql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    /// <summary>The first key of the planning locks; the second is the experiment version's id.</summary>
    private const int PlanningLocks = 0x5357_0002;

    /// <summary>
    /// The planning lock is a session-level advisory lock on a connection kept out of the pool for as long as
    /// it is held: the server drops it when that connection closes, also when the process dies. The planner
    /// goes on reading and writing the store on other connections meanwhile. Waiting longer than
    /// <see cref="StoreOptions.RetryFor"/> for another planner fails.
    /// </summary>
    public IDisposable HoldPlanningLock(long experimentId) => Retrying(() =>
    {
        var connection = Connect();
        try
        {
            using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@space, @key)", connection);
            command.Parameters.Add(new NpgsqlParameter<int>("space", PlanningLocks));
            command.Parameters.Add(new NpgsqlParameter<int>("key", unchecked((int)experimentId)));
            command.CommandTimeout = (int)Math.Ceiling(retryFor.TotalSeconds);
            command.ExecuteNonQuery();
            return new PlanningLock(connection, experimentId);
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException)
        {
            connection.Dispose();
            throw new StoreException(
                $"The store {Location} was held by another process planning a stage for {(int)retryFor.TotalSeconds} s; try again.", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    });

    /// <summary>A held planning lock: disposing it unlocks and closes its connection.</summary>
    private sealed class PlanningLock(NpgsqlConnection connection, long experimentId) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@space, @key)", connection);
                command.Parameters.Add(new NpgsqlParameter<int>("space", PlanningLocks));
                command.Parameters.Add(new NpgsqlParameter<int>("key", unchecked((int)experimentId)));
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // A broken connection has lost the lock with its session already.
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
