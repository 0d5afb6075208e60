using Dapper;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Storage.Rows;

using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>
    /// Registers the experiment as <see cref="RegisterExperiment"/> does and stores a range test run on it with
    /// every step, all in one transaction, so nothing is stored unless all of it is. The same file with the same
    /// settings replaces the test stored before (and makes it the newest); other settings keep a test of their own.
    /// </summary>
    public (ExperimentRegistration Experiment, LrFindTest Test) StoreLrFindTest(
        LoadedExperiment experiment, RangeTestSettings settings, IEnumerable<RangeTestStep> steps)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(settings);
        var stepList = steps.ToList();
        return Write(transaction =>
        {
            var registration = Register(experiment, ExperimentFingerprint.Of(experiment), transaction);
            var test = new LrFindTest(LrFindTest.IdOf(registration.Hash, settings), registration.Id, settings, DateTimeOffset.UtcNow);
            connection.Execute(RangeTestSql.UpsertLrFindTest, new
            {
                test.ExperimentId,
                test.Id,
                settings.Min,
                settings.Max,
                settings.Steps,
                settings.Smoothing,
                settings.StopFactor,
                Created = StoredValues.Time(test.Created),
            }, transaction);
            ReplaceRangeTest(registration.Id, test.Id, stepList, transaction);
            return (registration, test);
        });
    }

    /// <summary>The range test stored last by <c>sweep lr-find</c> for an experiment version; null when there is none.</summary>
    public LrFindTest? LatestLrFindTest(long experimentId) =>
        Read(c => c.QuerySingleOrDefault<LrFindTestRow>(RangeTestSql.LatestLrFindTest, new { ExperimentId = experimentId })?.ToTest());
}
