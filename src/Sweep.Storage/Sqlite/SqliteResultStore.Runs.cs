using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using Dapper;
using Sweep.Storage.Rows;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>A process's start time as the OS reports it can be off by about a second (Linux counts clock ticks since boot).</summary>
    private static readonly TimeSpan ProcessStartSlack = TimeSpan.FromSeconds(5);

    private const string InsertRunSql = """
        INSERT INTO runs (experiment_id, started, host, process_id, status, sweep_version)
        VALUES (@ExperimentId, @Started, @Host, @ProcessId, 'running', @SweepVersion)
        RETURNING id
        """;

    private const string FinishRunSql = """
        UPDATE runs
        SET status = @Status, ended = @Ended
        WHERE id = @RunId
        """;

    private const string RunColumns = """
        SELECT id AS Id, experiment_id AS ExperimentId, started AS Started, ended AS Ended, host AS Host,
               process_id AS ProcessId, status AS Status, sweep_version AS SweepVersion
        FROM runs
        """;

    private const string ListRunsSql = RunColumns + """

        WHERE experiment_id = @ExperimentId
        ORDER BY id
        """;

    private const string RunningRunsOnHostSql = RunColumns + """

        WHERE status = 'running' AND host = @Host
        """;

    private const string AbandonRunSql = """
        UPDATE runs
        SET status = 'interrupted', ended = @Ended
        WHERE id = @RunId AND status = 'running'
        """;

    /// <summary>Records the start of a run of this process on an experiment version; returns the run id.</summary>
    public long StartRun(long experimentId, string sweepVersion) => Write(transaction =>
        connection.ExecuteScalar<long>(InsertRunSql, new
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
            FinishRunSql, new { RunId = runId, Status = StoredValues.Name(status), Ended = StoredValues.Now() }, transaction));
    }

    /// <summary>The runs of an experiment version, oldest first.</summary>
    public ImmutableArray<RunSummary> ListRuns(long experimentId) =>
        Read(c => c.Query<RunRow>(ListRunsSql, new { ExperimentId = experimentId }).Select(r => r.ToSummary()).ToImmutableArray());

    /// <summary>
    /// Finds runs on this machine still marked running whose process is gone (killed, crashed, power cut),
    /// marks them interrupted and their running trials interrupted, so a resumed sweep runs those trials
    /// again. Returns how many runs were released. Runs of other machines are left alone: the store's
    /// WAL mode needs every process on one machine anyway.
    /// </summary>
    public int ReleaseAbandonedRuns()
    {
        var candidates = Read(c => c.Query<RunRow>(RunningRunsOnHostSql, new { Host = Environment.MachineName }).ToList());
        var abandoned = candidates.Where(r => !IsAlive(r.ProcessId, StoredValues.Utc(r.Started))).Select(r => r.Id).ToList();
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
                if (connection.Execute(AbandonRunSql, new { RunId = runId, Ended = now }, transaction) == 1)
                {
                    connection.Execute(InterruptRunningTrialsSql, new { RunId = runId, Ended = now }, transaction);
                    released++;
                }
            }

            return released;
        });
    }

    /// <summary>Whether the process that started a run still lives; an id reused by a later process does not count.</summary>
    private static bool IsAlive(int processId, DateTimeOffset runStarted)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited is false && process.StartTime.ToUniversalTime() <= runStarted.UtcDateTime + ProcessStartSlack;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // No such process, or it exited while being looked at.
            return false;
        }
        catch (Exception e) when (e is Win32Exception or NotSupportedException)
        {
            // Cannot tell (no access to another user's process): assume it lives rather than run a trial twice.
            return true;
        }
    }
}
