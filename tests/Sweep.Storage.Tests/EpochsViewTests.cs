using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

/// <summary>
/// The <c>epochs</c> view as sqlite3, psql or pandas read it: one row per epoch with the values recorded,
/// however the store keeps them.
/// </summary>
public abstract class EpochsViewTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void The_view_reads_every_epoch_as_a_row_with_the_exact_values_recorded()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        var epochs = AwkwardEpochs(2345);

        store.CompleteTrial(experimentId, trials[0].Id, runId, new TrialOutcome(TrialStatus.Completed, epochs, 1));

        var rows = Rows(trials[0].Id);
        Assert.Equal(epochs.Select(e => (e.Epoch, (double?)e.TrainLoss, e.ValidationLoss, e.Accuracy, (double?)e.LearningRate, (double?)e.WeightNorm, (double?)e.GradientNorm, (double?)e.Seconds)), rows);
        Assert.Equal(epochs.ToArray(), store.ReadEpochs(experimentId, trials[0].Id).ToArray());
        Assert.Equal(epochs.ToArray(), store.ReadTrials(experimentId).Single(t => t.Id == trials[0].Id).Epochs.ToArray());
    }

    [Fact]
    public void Not_a_number_reads_as_null_and_infinity_as_infinity_with_every_value_a_real()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        EpochRecord[] epochs =
        [
            new(1, 2.0, 1.0, null, 1.0, 3.0, 1.0, 1.0),
            new(2, double.PositiveInfinity, double.NegativeInfinity, null, 0.1, double.PositiveInfinity, double.NaN, 0.01),
            new(3, double.NaN, double.NaN, double.NaN, 0.1, double.NaN, double.NaN, 0.01),
        ];

        store.CompleteTrial(experimentId, trials[0].Id, runId, new TrialOutcome(TrialStatus.Diverged, [.. epochs], 0.03));

        var rows = Rows(trials[0].Id);
        Assert.Equal((2, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, null), (rows[1].Epoch, rows[1].TrainLoss, rows[1].ValidationLoss, rows[1].WeightNorm, rows[1].GradientNorm));
        Assert.Equal((3, null, null, null, null, 0.1), (rows[2].Epoch, rows[2].TrainLoss, rows[2].ValidationLoss, rows[2].Accuracy, rows[2].WeightNorm, rows[2].LearningRate));
        Assert.Equal(1, Scalar<int>($"SELECT COUNT(*) FROM epochs WHERE trial_id = '{trials[0].Id}' AND train_loss = 2 AND val_loss = 1 AND learning_rate = 1"));
        Assert.Equal(double.PositiveInfinity, store.ReadEpochs(experimentId, trials[0].Id)[1].TrainLoss);
        Assert.Equal(
            store.ReadEpochs(experimentId, trials[0].Id).ToArray(),
            store.ReadTrials(experimentId).Single(t => t.Id == trials[0].Id).Epochs.ToArray());
    }

    [Fact]
    public void A_trial_read_by_experiment_and_trial_id_has_only_its_own_epochs()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        foreach (var (trial, count) in trials.Take(3).Zip([1, 1000, 1001]))
        {
            store.TryClaimTrial(experimentId, trial.Id, runId);
            store.CompleteTrial(experimentId, trial.Id, runId, Some.Completed(count));
        }

        Assert.Equal(2002, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(1001, Scalar<int>($"SELECT MAX(epoch) FROM epochs WHERE experiment_id = {experimentId} AND trial_id = '{trials[2].Id}'"));
        Assert.Equal(1000, Scalar<int>($"SELECT COUNT(DISTINCT epoch) FROM epochs WHERE trial_id = '{trials[1].Id}'"));
    }

    /// <summary>Values whose shortest text is long, tiny, huge or a whole number, so a lossy packing would show.</summary>
    private static ImmutableArray<EpochRecord> AwkwardEpochs(int count)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(1, count).Select(e => new EpochRecord(
            e,
            random.NextDouble() / e,
            e % 3 == 0 ? null : 0.1 + 0.2 + e,
            e % 2 == 0 ? null : 1.0 / 3,
            e % 5 == 0 ? 1.0 : 1e-300 * e,
            double.MaxValue / e,
            -random.NextDouble() * 1e-20,
            random.NextDouble()))];
    }

    private List<(int Epoch, double? TrainLoss, double? ValidationLoss, double? Accuracy, double? LearningRate, double? WeightNorm, double? GradientNorm, double? Seconds)> Rows(string trialId)
    {
        var sql = $"""
            SELECT epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds
            FROM epochs WHERE trial_id = '{trialId}' ORDER BY epoch
            """;
        if (Kind == StoreKind.Postgres)
        {
            using var postgres = TestPostgres.Connect(Location);
            return [.. postgres.Query<(int, double?, double?, double?, double?, double?, double?, double?)>(sql)];
        }

        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return [.. connection.Query<(int, double?, double?, double?, double?, double?, double?, double?)>(sql)];
    }
}

public sealed class EpochsViewTestsOnSqlite() : EpochsViewTests(StoreKind.Sqlite)
{
    [Fact]
    public void A_trial_s_epochs_are_packed_a_thousand_to_a_row_and_whole_numbers_read_as_reals()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);

        store.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(2500));

        Assert.Equal("1:1000 1001:1000 2001:500", Scalar<string>("SELECT group_concat(first_epoch || ':' || epochs, ' ' ORDER BY first_epoch) FROM trial_epoch_chunks"));
        Assert.Equal("integer real real", Scalar<string>("SELECT typeof(epoch) || ' ' || typeof(weight_norm) || ' ' || typeof(accuracy) FROM epochs WHERE epoch = 7"));
    }
}

public sealed class EpochsViewTestsOnPostgres() : EpochsViewTests(StoreKind.Postgres);
