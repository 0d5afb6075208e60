using Dapper;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Storage.Rows;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    private const string UpsertLrFindTestSql = """
        INSERT INTO lr_find_tests (experiment_id, id, min_rate, max_rate, steps, smoothing, stop_factor, sequence, created)
        VALUES (@ExperimentId, @Id, @Min, @Max, @Steps, @Smoothing, @StopFactor,
                (SELECT COALESCE(MAX(sequence), 0) + 1 FROM lr_find_tests), @Created)
        ON CONFLICT (experiment_id, id) DO UPDATE SET sequence = excluded.sequence, created = excluded.created
        """;

    private const string LatestLrFindTestSql = """
        SELECT id AS Id, experiment_id AS ExperimentId, min_rate AS MinRate, max_rate AS MaxRate, steps AS Steps,
               smoothing AS Smoothing, stop_factor AS StopFactor, created AS Created
        FROM lr_find_tests
        WHERE experiment_id = @ExperimentId
        ORDER BY sequence DESC
        LIMIT 1
        """;

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
            connection.Execute(UpsertLrFindTestSql, new
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
        Read(c => c.QuerySingleOrDefault<LrFindTestRow>(LatestLrFindTestSql, new { ExperimentId = experimentId })?.ToTest());
}
