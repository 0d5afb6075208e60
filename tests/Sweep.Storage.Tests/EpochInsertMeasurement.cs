using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Sweep.Models.Results;
using Xunit.Abstractions;

namespace Sweep.Storage.Tests;

/// <summary>
/// Prints how fast each store takes epochs and plans: 1,000 trials of 1,000 epochs, each trial completed in
/// its own transaction or 20 to a writer's batch, and 100,000 trials planned at once. Measurements, not timed
/// assertions (machines differ); run with
/// <c>dotnet test --filter EpochInsertMeasurement --logger "console;verbosity=detailed"</c> to see them.
/// </summary>
public abstract class EpochInsertMeasurement(StoreKind kind, ITestOutputHelper output) : StoreTestBase(kind)
{
    [Fact]
    [Trait("Category", "Measurement")]
    public void A_million_epoch_rows_in_a_thousand_trials_are_all_stored()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 100, decays: 10);
        var epochs = Some.Epochs(1000);
        var outcome = new TrialOutcome(TrialStatus.Completed, epochs, 1);

        var clock = Stopwatch.StartNew();
        foreach (var trial in trials)
        {
            store.TryClaimTrial(experimentId, trial.Id, runId);
            store.CompleteTrial(experimentId, trial.Id, runId, outcome);
        }

        clock.Stop();
        var rows = trials.Length * epochs.Length;
        output.WriteLine($"{Kind}: {rows:N0} epoch rows in {trials.Length} trials: {clock.Elapsed.TotalSeconds:F2} s, {rows / clock.Elapsed.TotalSeconds:N0} rows/s (claim + complete per trial)");
        Assert.Equal(1_000_000, rows);
        Assert.Equal(rows, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    [Trait("Category", "Measurement")]
    public void A_million_epoch_rows_in_batches_of_twenty_trials_are_all_stored()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 100, decays: 10);
        var outcome = new TrialOutcome(TrialStatus.Completed, Some.Epochs(1000), 1);

        var clock = Stopwatch.StartNew();
        var claims = store.WriteBatch(experimentId, runId, new RunBatch([], [], 20)).Claimed;
        var recorded = 0;
        while (!claims.IsEmpty)
        {
            var finished = claims.Select(c => new FinishedTrial(c, outcome, DateTimeOffset.UtcNow)).ToImmutableArray();
            var result = store.WriteBatch(experimentId, runId, new RunBatch(finished, [], 20));
            recorded += result.Recorded.Count(r => r);
            claims = result.Claimed;
        }

        clock.Stop();
        var rows = recorded * 1000;
        output.WriteLine($"{Kind}: {rows:N0} epoch rows in {recorded} trials, 20 per batch: {clock.Elapsed.TotalSeconds:F2} s, {rows / clock.Elapsed.TotalSeconds:N0} rows/s (with the claims)");
        Assert.Equal(trials.Length, recorded);
        Assert.Equal(1_000_000, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    [Trait("Category", "Measurement")]
    public void A_hundred_thousand_trials_are_planned_at_once()
    {
        var store = OpenStore();
        var experiment = Some.Experiment(rates: 10, decays: 10);
        var experimentId = store.RegisterExperiment(experiment).Id;

        // Copies of 100 planned trials under new ids: planning 100,000 for real takes the planner minutes.
        var planned = Some.Trials(experiment);
        var trials = Enumerable.Range(0, 100_000)
            .Select(i => planned[i % planned.Length] with { Id = i.ToString("x16", CultureInfo.InvariantCulture), Number = i + 1 })
            .ToImmutableArray();

        var clock = Stopwatch.StartNew();
        var planning = store.PlanTrials(experimentId, trials, reuseFinished: true);
        clock.Stop();

        output.WriteLine($"{Kind}: {trials.Length:N0} trials planned in {clock.Elapsed.TotalSeconds:F2} s, {trials.Length / clock.Elapsed.TotalSeconds:N0} trials/s");
        Assert.Equal(100_000, planning.Added);
        Assert.Equal(100_000, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'pending'"));
    }
}

public sealed class EpochInsertMeasurementOnSqlite(ITestOutputHelper output) : EpochInsertMeasurement(StoreKind.Sqlite, output);

public sealed class EpochInsertMeasurementOnPostgres(ITestOutputHelper output) : EpochInsertMeasurement(StoreKind.Postgres, output);
