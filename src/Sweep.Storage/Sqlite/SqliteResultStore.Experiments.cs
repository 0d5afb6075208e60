using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Experiments;
using Sweep.Storage.Rows;

using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
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
        Read(c => c.Query<ExperimentRow>(ExperimentSql.List).Select(r => r.ToSummary()).ToImmutableArray());

    /// <summary>The latest version of the experiment called <paramref name="name"/>, or null if the store has none.</summary>
    public ExperimentSummary? FindExperiment(string name) =>
        Read(c => c.QuerySingleOrDefault<ExperimentRow>(ExperimentSql.Latest, new { Name = name })?.ToSummary());

    /// <summary>The YAML text an experiment version was registered with.</summary>
    public string? ReadExperimentText(long experimentId) =>
        Read(c => c.QuerySingleOrDefault<string>(ExperimentSql.Text, new { Id = experimentId }));

    /// <summary>What <see cref="RegisterExperiment"/> does, inside a write transaction that may store more with it.</summary>
    private ExperimentRegistration Register(LoadedExperiment experiment, string fingerprint, SqliteTransaction transaction)
    {
        var name = experiment.Definition.Name;
        var hash = fingerprint;
        var existing = connection.Query<(long Id, int Version)>(ExperimentSql.FindByHash, new { Name = name, Hash = hash }, transaction);
        if (existing.SingleOrDefault() is { Id: > 0 } found)
        {
            connection.Execute(ExperimentSql.UpdateText, new { found.Id, experiment.File, Yaml = experiment.Text }, transaction);
            WriteSettings(found.Id, experiment, transaction);
            return new ExperimentRegistration(found.Id, name, found.Version, hash, IsNew: false);
        }

        var version = connection.ExecuteScalar<int>(ExperimentSql.LatestVersion, new { Name = name }, transaction) + 1;
        var id = connection.ExecuteScalar<long>(ExperimentSql.Insert, new
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
