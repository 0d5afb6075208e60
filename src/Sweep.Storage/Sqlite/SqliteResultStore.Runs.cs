using System.Collections.Immutable;
using Dapper;
using Sweep.Storage.Rows;

using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>Records the start of a run of this process on an experiment version; returns the run id.</summary>
    public long StartRun(long experimentId, string sweepVersion) => Write(transaction =>
        connection.ExecuteScalar<long>(RunSql.Insert, new
        {
            ExperimentId = experimentId,
            Started = StoredValues.Now(),
            Host = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            SweepVersion = sweepVersion,
        }, transaction));

    /// <summary>Records how a run ended. Its trials still running are left as they are: see <see cref="InterruptRunningTrials"/>.</summary>
    public void FinishRun(long runId, RunStatus status)
    {
        if (status == RunStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "a run finishes as completed, failed or interrupted");
        }

        Write(transaction => connection.Execute(
            RunSql.Finish, new { RunId = runId, Status = StoredValues.Name(status), Ended = StoredValues.Now() }, transaction));
    }

    /// <summary>The runs of an experiment version, oldest first.</summary>
    public ImmutableArray<RunSummary> ListRuns(long experimentId) =>
        Read(c => c.Query<RunRow>(RunSql.List, new { ExperimentId = experimentId }).Select(r => r.ToSummary()).ToImmutableArray());

    /// <summary>
    /// Finds runs on this machine still marked running whose process is gone (killed, crashed, power cut),
    /// marks them interrupted and their running trials interrupted, so a resumed sweep runs those trials
    /// again. Returns how many runs were released. Runs of other machines are left alone: the store's
    /// WAL mode needs every process on one machine anyway.
    /// </summary>
    public int ReleaseAbandonedRuns()
    {
        var candidates = Read(c => c.Query<RunRow>(RunSql.RunningOnHost, new { Host = Environment.MachineName }).ToList());
        var abandoned = candidates.Where(r => !RunProcesses.IsAlive(r.ProcessId, StoredValues.Utc(r.Started))).Select(r => r.Id).ToList();
        if (abandoned.Count == 0)
        {
            return 0;
        }

        return Write(transaction =>
        {
            var released = 0;
            var now = StoredValues.Now();
            foreach (var runId in abandoned)
            {
                // Status is checked again under the write lock: the run may have ended meanwhile.
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
