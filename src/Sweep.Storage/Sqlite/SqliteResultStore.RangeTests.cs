using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Search;
using Sweep.Storage.Rows;

using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    private const string InsertRangeTestStepSql = """
        INSERT INTO range_tests (experiment_id, trial_id, step, learning_rate, loss, smoothed_loss)
        VALUES (@ExperimentId, @TrialId, @Step, @LearningRate, @Loss, @SmoothedLoss)
        """;

    /// <summary>Stores the steps of a range test, replacing any earlier steps of the same test, in one transaction.</summary>
    public void WriteRangeTest(long experimentId, string trialId, IEnumerable<RangeTestStep> steps)
    {
        var stepList = steps.ToList();
        Write(transaction => ReplaceRangeTest(experimentId, trialId, stepList, transaction));
    }

    /// <summary>The steps of a range test in order; empty when there is none.</summary>
    public ImmutableArray<RangeTestStep> ReadRangeTest(long experimentId, string trialId) => Read(c =>
        c.Query<RangeTestRow>(RangeTestSql.Read, new { ExperimentId = experimentId, TrialId = trialId })
            .Select(r => r.ToStep())
            .ToImmutableArray());

    private int ReplaceRangeTest(long experimentId, string trialId, List<RangeTestStep> steps, SqliteTransaction transaction)
    {
        var rows = steps.Select(s => new
        {
            ExperimentId = experimentId,
            TrialId = trialId,
            s.Step,
            s.LearningRate,
            Loss = StoredValues.Real(s.Loss),
            SmoothedLoss = StoredValues.Real(s.SmoothedLoss),
        });
        connection.Execute(RangeTestSql.Delete, new { ExperimentId = experimentId, TrialId = trialId }, transaction);
        return connection.Execute(InsertRangeTestStepSql, rows, transaction);
    }
}
