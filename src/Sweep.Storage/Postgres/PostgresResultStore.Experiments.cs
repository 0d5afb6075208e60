using System.Collections.Immutable;
using Dapper;
using Npgsql;
using Sweep.Models.Experiments;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    /// <summary>
    /// Registrations of one name wait for each other: two workers registering a new version at once would
    /// both pick the next version number. The lock is the transaction's and keyed on the name.
    /// </summary>
    private const string LockNameSql = "SELECT pg_advisory_xact_lock(@Space, hashtext(@Name))";

    /// <summary>The first key of the name locks; the second is the name's hash.</summary>
    private const int RegistrationLocks = 0x5357_0001;

    public ExperimentRegistration RegisterExperiment(LoadedExperiment experiment, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        return Run((connection, transaction) => Register(experiment, fingerprint, connection, transaction));
    }

    public ImmutableArray<ExperimentSummary> ListExperiments() =>
        Read(c => c.Query<ExperimentRow>(ExperimentSql.List).Select(r => r.ToSummary()).ToImmutableArray());

    public ExperimentSummary? FindExperiment(string name) =>
        Read(c => c.QuerySingleOrDefault<ExperimentRow>(ExperimentSql.Latest, new { Name = name })?.ToSummary());

    public string? ReadExperimentText(long experimentId) =>
        Read(c => c.QuerySingleOrDefault<string>(ExperimentSql.Text, new { Id = experimentId }));

    /// <summary>What <see cref="RegisterExperiment"/> does, inside a transaction that may store more with it.</summary>
    private static ExperimentRegistration Register(LoadedExperiment experiment, string fingerprint, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var name = experiment.Definition.Name;
        connection.Execute(LockNameSql, new { Space = RegistrationLocks, Name = name }, transaction);
        var existing = connection.Query<(long Id, int Version)>(ExperimentSql.FindByHash, new { Name = name, Hash = fingerprint }, transaction);
        if (existing.SingleOrDefault() is { Id: > 0 } found)
        {
            connection.Execute(ExperimentSql.UpdateText, new { found.Id, experiment.File, Yaml = experiment.Text }, transaction);
            WriteSettings(found.Id, experiment, connection, transaction);
            return new ExperimentRegistration(found.Id, name, found.Version, fingerprint, IsNew: false);
        }

        var version = connection.ExecuteScalar<int>(ExperimentSql.LatestVersion, new { Name = name }, transaction) + 1;
        var id = connection.ExecuteScalar<long>(ExperimentSql.Insert, new
        {
            Name = name,
            Version = version,
            File = experiment.File,
            Yaml = experiment.Text,
            Hash = fingerprint,
            Created = DateTimeOffset.UtcNow,
        }, transaction);
        WriteSettings(id, experiment, connection, transaction);
        return new ExperimentRegistration(id, name, version, fingerprint, IsNew: true);
    }
}
