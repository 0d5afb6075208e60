using System.Collections.Immutable;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Sweep.Models.Search;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    private const string CopyRangeTestSql = """
        COPY range_tests (experiment_id, trial_id, step, learning_rate, loss, smoothed_loss) FROM STDIN (FORMAT BINARY)
        """;

    public void WriteRangeTest(long experimentId, string trialId, IEnumerable<RangeTestStep> steps)
    {
        var stepList = steps.ToImmutableArray();
        Run((connection, transaction) =>
        {
            ReplaceRangeTest(connection, transaction, experimentId, trialId, stepList);
            return 0;
        });
    }

    public ImmutableArray<RangeTestStep> ReadRangeTest(long experimentId, string trialId) => Read(c =>
        c.Query<RangeTestRow>(RangeTestSql.Read, new { ExperimentId = experimentId, TrialId = trialId })
            .Select(r => r.ToStep())
            .ToImmutableArray());

    private static void ReplaceRangeTest(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long experimentId, string trialId, ImmutableArray<RangeTestStep> steps)
    {
        connection.Execute(RangeTestSql.Delete, new { ExperimentId = experimentId, TrialId = trialId }, transaction);
        using var writer = connection.BeginBinaryImport(CopyRangeTestSql);
        foreach (var step in steps)
        {
            writer.StartRow();
            writer.Write(experimentId, NpgsqlDbType.Bigint);
            writer.Write(trialId, NpgsqlDbType.Text);
            writer.Write(step.Step, NpgsqlDbType.Integer);
            writer.Write(step.LearningRate, NpgsqlDbType.Double);
            WriteReal(writer, step.Loss);
            WriteReal(writer, step.SmoothedLoss);
        }

        writer.Complete();
    }
}
