using System.Collections.Immutable;
using Dapper;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    /// <summary>Registers the experiment and stores the range test with every step in one transaction: all of it or nothing.</summary>
    public (ExperimentRegistration Experiment, LrFindTest Test) StoreLrFindTest(
        LoadedExperiment experiment, RangeTestSettings settings, IEnumerable<RangeTestStep> steps)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(settings);
        var stepList = steps.ToImmutableArray();
        return Run((connection, transaction) =>
        {
            var registration = Register(experiment, ExperimentFingerprint.Of(experiment), connection, transaction);
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
                test.Created,
            }, transaction);
            ReplaceRangeTest(connection, transaction, registration.Id, test.Id, stepList);
            return (registration, test);
        });
    }

    public LrFindTest? LatestLrFindTest(long experimentId) =>
        Read(c => c.QuerySingleOrDefault<LrFindTestRow>(RangeTestSql.LatestLrFindTest, new { ExperimentId = experimentId })?.ToTest());
}
