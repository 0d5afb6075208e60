using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Experiments;
using Sweep.Storage.Rows;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    private const string FindExperimentByHashSql = """
        SELECT id AS Id, version AS Version
        FROM experiments
        WHERE name = @Name AND hash = @Hash
        """;

    private const string LatestExperimentVersionSql = """
        SELECT COALESCE(MAX(version), 0)
        FROM experiments
        WHERE name = @Name
        """;

    private const string InsertExperimentSql = """
        INSERT INTO experiments (name, version, file, yaml, hash, created)
        VALUES (@Name, @Version, @File, @Yaml, @Hash, @Created)
        RETURNING id
        """;

    private const string ExperimentSummariesSql = """
        SELECT e.id AS Id, e.name AS Name, e.version AS Version, e.hash AS Hash, e.file AS File, e.created AS Created,
               (SELECT COUNT(*) FROM runs r WHERE r.experiment_id = e.id) AS Runs,
               (SELECT MAX(r.started) FROM runs r WHERE r.experiment_id = e.id) AS LastRun,
               COALESCE(SUM(t.status = 'pending'), 0) AS Pending,
               COALESCE(SUM(t.status = 'running'), 0) AS Running,
               COALESCE(SUM(t.status = 'completed'), 0) AS Completed,
               COALESCE(SUM(t.status = 'diverged'), 0) AS Diverged,
               COALESCE(SUM(t.status = 'failed'), 0) AS Failed,
               COALESCE(SUM(t.status = 'interrupted'), 0) AS Interrupted,
               MIN(CASE WHEN t.status = 'completed' THEN t.best_train_loss END) AS BestTrainLoss,
               MIN(CASE WHEN t.status = 'completed' THEN t.best_val_loss END) AS BestValidationLoss
        FROM experiments e
        LEFT JOIN trials t ON t.experiment_id = e.id
        """;

    private const string ListExperimentsSql = ExperimentSummariesSql + """

        GROUP BY e.id
        ORDER BY e.name, e.version
        """;

    private const string LatestExperimentSql = ExperimentSummariesSql + """

        WHERE e.name = @Name
        GROUP BY e.id
        ORDER BY e.version DESC
        LIMIT 1
        """;

    private const string ExperimentTextSql = "SELECT yaml FROM experiments WHERE id = @Id";

    private const string UpdateExperimentTextSql = """
        UPDATE experiments
        SET file = @File, yaml = @Yaml
        WHERE id = @Id AND (file <> @File OR yaml <> @Yaml)
        """;

    /// <summary>
    /// Stores the experiment under its name and fingerprint: the same fingerprint as before keeps its version
    /// and takes this file's text (a comment or the description changed, nothing that runs); another becomes
    /// the next version. Trials, runs and range tests then refer to the returned id.
    /// </summary>
    public ExperimentRegistration RegisterExperiment(LoadedExperiment experiment, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        return Write(transaction => Register(experiment, fingerprint, transaction));
    }

    /// <summary>Every experiment version with its run count, trials by status and best losses, by name and version.</summary>
    public ImmutableArray<ExperimentSummary> ListExperiments() =>
        Read(c => c.Query<ExperimentRow>(ListExperimentsSql).Select(r => r.ToSummary()).ToImmutableArray());

    /// <summary>The latest version of the experiment called <paramref name="name"/>, or null if the store has none.</summary>
    public ExperimentSummary? FindExperiment(string name) =>
        Read(c => c.QuerySingleOrDefault<ExperimentRow>(LatestExperimentSql, new { Name = name })?.ToSummary());

    /// <summary>The YAML text an experiment version was registered with.</summary>
    public string? ReadExperimentText(long experimentId) =>
        Read(c => c.QuerySingleOrDefault<string>(ExperimentTextSql, new { Id = experimentId }));

    /// <summary>What <see cref="RegisterExperiment"/> does, inside a write transaction that may store more with it.</summary>
    private ExperimentRegistration Register(LoadedExperiment experiment, string fingerprint, SqliteTransaction transaction)
    {
        var name = experiment.Definition.Name;
        var hash = fingerprint;
        var existing = connection.Query<(long Id, int Version)>(FindExperimentByHashSql, new { Name = name, Hash = hash }, transaction);
        if (existing.SingleOrDefault() is { Id: > 0 } found)
        {
            connection.Execute(UpdateExperimentTextSql, new { found.Id, experiment.File, Yaml = experiment.Text }, transaction);
            WriteSettings(found.Id, experiment, transaction);
            return new ExperimentRegistration(found.Id, name, found.Version, hash, IsNew: false);
        }

        var version = connection.ExecuteScalar<int>(LatestExperimentVersionSql, new { Name = name }, transaction) + 1;
        var id = connection.ExecuteScalar<long>(InsertExperimentSql, new
        {
            Name = name,
            Version = version,
            File = experiment.File,
            Yaml = experiment.Text,
            Hash = hash,
            Created = StoredValues.Now(),
        }, transaction);
        WriteSettings(id, experiment, transaction);
        return new ExperimentRegistration(id, name, version, hash, IsNew: true);
    }
}
