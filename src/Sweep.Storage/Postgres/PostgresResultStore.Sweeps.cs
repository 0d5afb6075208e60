using Dapper;
using Npgsql;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    public SweepRecord? ReadSweep(long experimentId, bool withEpochs = true) =>
        Read(c => c.QuerySingleOrDefault<SweepExperimentRow>(ExperimentSql.ForSweep, new { Id = experimentId })) is { } experiment
            ? SweepRecords.Read(this, experimentId, experiment, withEpochs)
            : null;

    /// <summary>Keeps what telling the sweep again needs beside a registered version.</summary>
    private static void WriteSettings(long experimentId, LoadedExperiment experiment, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.Execute(
            ExperimentSql.WriteSettings,
            new { Id = experimentId, Settings = SweepSettingsJson.Write(SweepSettings.Of(experiment)) },
            transaction);
}
