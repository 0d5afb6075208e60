using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;
using Sweep.Storage.Sqlite.Schema;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    private const int SettingsSchemaVersion = 6;

    /// <summary>
    /// An experiment version as one read model: its settings as registered, every trial with its epochs and
    /// diagnosis, and its range test (its own, or else the newest stored by lr-find). Needs nothing but the store:
    /// a version registered before its settings were kept has its search block read from the stored text, without
    /// looking for its data files. Null when there is no such version.
    /// </summary>
    public SweepRecord? ReadSweep(long experimentId, bool withEpochs = true) =>
        Read(c => c.QuerySingleOrDefault<SweepExperimentRow>(ExperimentSql.ForSweep, new { Id = experimentId })) is { } experiment
            ? SweepRecords.Read(this, experimentId, experiment, withEpochs)
            : null;

    /// <summary>
    /// Keeps what telling the sweep again needs beside a newly registered version; a store still at a schema
    /// before the settings column (opened with fewer migrations) keeps nothing and is read from its text.
    /// </summary>
    private void WriteSettings(long experimentId, LoadedExperiment experiment, SqliteTransaction transaction)
    {
        if (SchemaMigrator.UserVersion(connection, transaction) >= SettingsSchemaVersion)
        {
            connection.Execute(ExperimentSql.WriteSettings, new { Id = experimentId, Settings = SweepSettingsJson.Write(SweepSettings.Of(experiment)) }, transaction);
        }
    }
}
