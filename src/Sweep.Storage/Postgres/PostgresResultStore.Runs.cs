using System.Collections.Immutable;
using Dapper;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    public long StartRun(long experimentId, string sweepVersion) => Run((connection, transaction) =>
        connection.ExecuteScalar<long>(RunSql.Insert, new
        {
            ExperimentId = experimentId,
            Started = DateTimeOffset.UtcNow,
            Host = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            SweepVersion = sweepVersion,
        }, transaction));

    public void FinishRun(long runId, RunStatus status)
    {
        if (status == RunStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "a run finishes as completed, failed or interrupted");
        }

        Run((connection, transaction) => connection.Execute(
            RunSql.Finish, new { RunId = runId, Status = StoredValues.Name(status), Ended = DateTimeOffset.UtcNow }, transaction));
    }

    public ImmutableArray<RunSummary> ListRuns(long experimentId) =>
        Read(c => c.Query<RunRow>(RunSql.List, new { ExperimentId = experimentId }).Select(r => r.ToSummary()).ToImmutableArray());

    /// <summary>
    /// Marks runs of this machine still marked running whose process is gone as interrupted, with their running
    /// trials. Runs of other machines are left to their leases: only their own machine can tell whether they live.
    /// </summary>
    public int ReleaseAbandonedRuns()
    {
        var candidates = Read(c => c.Query<RunRow>(RunSql.RunningOnHost, new { Host = Environment.MachineName }).ToList());
        var abandoned = candidates.Where(r => !RunProcesses.IsAlive(r.ProcessId, StoredValues.Utc(r.Started))).Select(r => r.Id).ToList();
        if (abandoned.Count == 0)
        {
            return 0;
        }

        return Run((connection, transaction) =>
        {
            var released = 0;
            var now = DateTimeOffset.UtcNow;
            foreach (var runId in abandoned)
            {
                // The status is checked again in the update: the run may have ended meanwhile.
                if (connection.Execute(RunSql.Abandon, new { RunId = runId, Ended = now }, transaction) == 1)
                {
                    connection.Execute(TrialSql.InterruptRunning, new { RunId = runId, Ended = now }, transaction);
                    released++;
                }
            }

            return released;
        });
    }
}
