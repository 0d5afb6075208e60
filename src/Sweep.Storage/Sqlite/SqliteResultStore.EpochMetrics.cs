using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>The names of the further metrics the version's epochs hold, each once.</summary>
    public ImmutableArray<string> ReadMetricNames(long experimentId) =>
        Read(c => c.Query<string>(EpochSql.MetricNames, new { ExperimentId = experimentId }).ToImmutableArray());

    /// <summary>The further metrics of an experiment's epochs (or of one trial's), by trial and epoch.</summary>
    private EpochMetricsByEpoch ReadMetrics(SqliteTransaction transaction, long experimentId, string? trialId) =>
        new(connection.Query<EpochMetricRow>(EpochSql.Metrics, new { ExperimentId = experimentId, TrialId = trialId }, transaction));
}
