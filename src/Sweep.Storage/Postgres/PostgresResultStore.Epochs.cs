using System.Collections.Immutable;
using Dapper;
using Npgsql;
using Sweep.Models.Results;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    public ImmutableArray<EpochRecord> ReadEpochs(long experimentId, string trialId) =>
        ReadSnapshot((connection, transaction) => ReadEpochs(connection, transaction, experimentId, trialId));

    /// <summary>Every trial of an experiment version in the order it was planned, read a page at a time in a snapshot each.</summary>
    public IEnumerable<TrialRecord> ReadTrials(long experimentId, bool withEpochs = true) =>
        TrialPages.Read(experimentId, after => ReadSnapshot((connection, transaction) => TrialPages.ReadPage(connection, transaction, after, withEpochs)));

    private static ImmutableArray<EpochRecord> ReadEpochs(NpgsqlConnection connection, NpgsqlTransaction transaction, long experimentId, string trialId)
    {
        var metrics = ReadMetrics(connection, transaction, experimentId, trialId);
        return connection.Query<EpochRow>(EpochSql.OfTrial, new { ExperimentId = experimentId, TrialId = trialId }, transaction)
            .Select(metrics.Attach)
            .ToImmutableArray();
    }

    public ImmutableArray<string> ReadMetricNames(long experimentId) =>
        ReadSnapshot((connection, transaction) => connection.Query<string>(EpochSql.MetricNames, new { ExperimentId = experimentId }, transaction).ToImmutableArray());

    private static EpochMetricsByEpoch ReadMetrics(NpgsqlConnection connection, NpgsqlTransaction transaction, long experimentId, string? trialId) =>
        new(connection.Query<EpochMetricRow>(EpochSql.Metrics, new { ExperimentId = experimentId, TrialId = trialId }, transaction));
}
