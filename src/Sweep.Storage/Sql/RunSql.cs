namespace Sweep.Storage.Sql;

/// <summary>The queries on runs that read and write the same in every store; times are bound in the store's own spelling.</summary>
internal static class RunSql
{
    public const string Insert = """
        INSERT INTO runs (experiment_id, started, host, process_id, status, sweep_version)
        VALUES (@ExperimentId, @Started, @Host, @ProcessId, 'running', @SweepVersion)
        RETURNING id
        """;

    public const string Finish = """
        UPDATE runs
        SET status = @Status, ended = @Ended
        WHERE id = @RunId
        """;

    private const string Columns = """
        SELECT id AS Id, experiment_id AS ExperimentId, started AS Started, ended AS Ended, host AS Host,
               process_id AS ProcessId, status AS Status, sweep_version AS SweepVersion
        FROM runs
        """;

    public const string List = Columns + """

        WHERE experiment_id = @ExperimentId
        ORDER BY id
        """;

    public const string RunningOnHost = Columns + """

        WHERE status = 'running' AND host = @Host
        """;

    public const string Abandon = """
        UPDATE runs
        SET status = 'interrupted', ended = @Ended
        WHERE id = @RunId AND status = 'running'
        """;
}
