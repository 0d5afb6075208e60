using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Search;
using Sweep.Storage.Rows;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    private const string DeleteRangeTestSql = """
        DELETE FROM range_tests
        WHERE experiment_id = @ExperimentId AND trial_id = @TrialId
        """;

    private const string InsertRangeTestStepSql = """
        INSERT INTO range_tests (experiment_id, trial_id, step, learning_rate, loss, smoothed_loss)
        VALUES (@ExperimentId, @TrialId, @Step, @LearningRate, @Loss, @SmoothedLoss)
        """;

    private const string ReadRangeTestSql = """
        SELECT step AS Step, learning_rate AS LearningRate, loss AS Loss, smoothed_loss AS SmoothedLoss
        FROM range_tests
        WHERE experiment_id = @ExperimentId AND trial_id = @TrialId
        ORDER BY step
        """;

    /// <summary>Stores the steps of a range test, replacing any earlier steps of the same test, in one transaction.</summary>
    public void WriteRangeTest(long experimentId, string trialId, IEnumerable<RangeTestStep> steps)
    {
        var stepList = steps.ToList();
        Write(transaction => ReplaceRangeTest(experimentId, trialId, stepList, transaction));
    }

    /// <summary>The steps of a range test in order; empty when there is none.</summary>
    public ImmutableArray<RangeTestStep> ReadRangeTest(long experimentId, string trialId) => Read(c =>
        c.Query<RangeTestRow>(ReadRangeTestSql, new { ExperimentId = experimentId, TrialId = trialId })
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
        connection.Execute(DeleteRangeTestSql, new { ExperimentId = experimentId, TrialId = trialId }, transaction);
        return connection.Execute(InsertRangeTestStepSql, rows, transaction);
    }
}
