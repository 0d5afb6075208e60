using System.Diagnostics;
using Sweep.Models.Results;
using Xunit.Abstractions;

namespace Sweep.Storage.Tests;

/// <summary>
/// Prints how fast epochs go in: 1,000 trials of 1,000 epochs, each trial completed in its own
/// transaction as the runner does. A measurement, not a timed assertion (machines differ); run with
/// <c>dotnet test --filter EpochInsertMeasurement --logger "console;verbosity=detailed"</c> to see it.
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
        output.WriteLine($"{rows:N0} epoch rows in {trials.Length} trials: {clock.Elapsed.TotalSeconds:F2} s, {rows / clock.Elapsed.TotalSeconds:N0} rows/s (claim + complete per trial)");
        Assert.Equal(1_000_000, rows);
        Assert.Equal(rows, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }
}

public sealed class EpochInsertMeasurementOnSqlite(ITestOutputHelper output) : EpochInsertMeasurement(StoreKind.Sqlite, output);

public sealed class EpochInsertMeasurementOnPostgres(ITestOutputHelper output) : EpochInsertMeasurement(StoreKind.Postgres, output);
