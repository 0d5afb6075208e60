namespace Sweep.Storage.Sql;

/// <summary>The queries on experiment versions that read and write the same in every store.</summary>
internal static class ExperimentSql
{
    public const string FindByHash = """
        SELECT id AS Id, version AS Version
        FROM experiments
        WHERE name = @Name AND hash = @Hash
        """;

    public const string LatestVersion = """
        SELECT COALESCE(MAX(version), 0)
        FROM experiments
        WHERE name = @Name
        """;

    /// <summary><c>@Created</c> is a time in the store's own spelling.</summary>
    public const string Insert = """
        INSERT INTO experiments (name, version, file, yaml, hash, created)
        VALUES (@Name, @Version, @File, @Yaml, @Hash, @Created)
        RETURNING id
        """;

    private const string Summaries = $"""
        SELECT e.id AS Id, e.name AS Name, e.version AS Version, e.hash AS Hash, e.file AS File, e.created AS Created,
               (SELECT COUNT(*) FROM runs r WHERE r.experiment_id = e.id) AS Runs,
               (SELECT MAX(r.started) FROM runs r WHERE r.experiment_id = e.id) AS LastRun,
               {TrialSql.StatusCounts},
               MIN(CASE WHEN t.status = 'completed' THEN t.best_train_loss END) AS BestTrainLoss,
               MIN(CASE WHEN t.status = 'completed' THEN t.best_val_loss END) AS BestValidationLoss
        FROM experiments e
        LEFT JOIN trials t ON t.experiment_id = e.id
        """;

    public const string List = Summaries + """

        GROUP BY e.id
        ORDER BY e.name, e.version
        """;

    public const string Latest = Summaries + """

        WHERE e.name = @Name
        GROUP BY e.id
        ORDER BY e.version DESC
        LIMIT 1
        """;

    public const string Text = "SELECT yaml FROM experiments WHERE id = @Id";

    public const string UpdateText = """
        UPDATE experiments
        SET file = @File, yaml = @Yaml
        WHERE id = @Id AND (file <> @File OR yaml <> @Yaml)
        """;

    public const string ForSweep = """
        SELECT name AS Name, version AS Version, file AS File, yaml AS Yaml, settings AS Settings
        FROM experiments
        WHERE id = @Id
        """;

    public const string WriteSettings = "UPDATE experiments SET settings = @Settings WHERE id = @Id";
}
