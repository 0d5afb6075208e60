using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public class TrainerTests
{
    private static readonly ModelDefinition Linear = Build.Model(InitKind.Zeros, Build.Layer(1, Activation.Linear));

    [Theory]
    [InlineData("full", 1)]
    [InlineData("4", 3)]
    [InlineData("sgd", 10)]
    public void Each_batch_mode_makes_its_number_of_updates_per_epoch(string batch, int updatesPerEpoch)
    {
        var size = batch switch { "full" => BatchSize.Full, "sgd" => BatchSize.Single, _ => BatchSize.Of(4) };
        var inputs = Enumerable.Range(1, 10).Select(i => i / 10f).ToArray();
        var trainer = new Trainer(Linear, Build.Training(2, 0.01, size), Build.Scalars(inputs, inputs), seed: 0);

        trainer.Run();

        Assert.Equal(2 * updatesPerEpoch, trainer.Updates);
        Assert.Equal(updatesPerEpoch, size.UpdatesPerEpoch(10));
    }

    [Fact]
    public void The_train_loss_is_the_mean_of_the_batch_losses_including_the_partial_last_batch()
    {
        // At lr 0 nothing moves: batches {1, 2, 3} and {4} of y = 3x lose mean(9, 36, 81) = 42 and 144.
        var trainer = new Trainer(Linear, Build.Training(1, 0, BatchSize.Of(3)), Build.Scalars([1, 2, 3, 4], [3, 6, 9, 12]), 0);

        var result = trainer.Run();

        Assert.Equal((42 + 144) / 2.0, result.Epochs[0].TrainLoss, 1e-4);
    }

    [Fact]
    public void An_epoch_records_the_rate_and_the_norms_of_the_weights_and_the_last_gradient()
    {
        var trainer = new Trainer(Linear, Build.Training(1, 0.01, BatchSize.Full), Build.Scalars([1, 2, 3, 4], [3, 6, 9, 12]), 0);

        var record = trainer.Run().Epochs[0];

        Assert.Equal(1, record.Epoch);
        Assert.Equal(0.01, record.LearningRate);
        Assert.Equal(0.45, record.WeightNorm, 1e-5);
        Assert.Equal(Math.Sqrt((45.0 * 45) + (15 * 15)), record.GradientNorm, 1e-3);
        Assert.Null(record.ValidationLoss);
        Assert.Null(record.Accuracy);
        Assert.True(record.Seconds >= 0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_shuffled_run_and_another_seed_a_different_one()
    {
        var model = Build.Model(InitKind.Xavier, Build.Layer(8, Activation.Tanh), Build.Layer(1, Activation.Linear));
        var training = Build.Training(5, 0.05, BatchSize.Of(4), shuffle: true);
        var random = new Random(3);
        var data = Build.Scalars(Build.Uniform(random, 20), Build.Uniform(random, 20));

        var first = new Trainer(model, training, data, seed: 1).Run();
        var again = new Trainer(model, training, data, seed: 1).Run();
        var other = new Trainer(model, training, data, seed: 2).Run();

        Assert.Equal(first.Epochs.Select(e => e.TrainLoss), again.Epochs.Select(e => e.TrainLoss));
        Assert.NotEqual(first.Epochs[^1].TrainLoss, other.Epochs[^1].TrainLoss);
    }

    [Fact]
    public void Shuffling_changes_the_order_of_sgd_updates_and_so_the_weights()
    {
        var data = Build.Scalars([1, 2, 3, 4], [3, 6, 9, 12]);
        var inOrder = new Trainer(Linear, Build.Training(1, 0.01, BatchSize.Single), data, seed: 4);
        var shuffled = new Trainer(Linear, Build.Training(1, 0.01, BatchSize.Single, shuffle: true), data, seed: 4);

        inOrder.Run();
        shuffled.Run();

        Assert.NotEqual(inOrder.Network.LayerWeights(0)[0], shuffled.Network.LayerWeights(0)[0]);
    }

    [Fact]
    public void Patience_stops_a_run_that_stopped_improving_as_completed()
    {
        var training = Build.Training(50, 0, BatchSize.Full, earlyStop: new EarlyStop(4, Patience: 3));
        var trainer = new Trainer(Linear, training, Build.Scalars([1, 2], [3, 6]), 0);

        var result = trainer.Run();

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(4, result.Epochs.Length);
    }

    [Fact]
    public void Without_a_divergence_factor_a_loss_that_overflows_still_marks_the_trial_diverged()
    {
        var training = Build.Training(1000, 1, BatchSize.Full, earlyStop: new EarlyStop(null, null));
        var trainer = new Trainer(Linear, training, Build.Scalars([1, 2, 3, 4], [3, 6, 9, 12]), 0);

        var result = trainer.Run();

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.InRange(result.Epochs.Length, 3, 999);
        Assert.False(double.IsFinite(result.Epochs[^1].TrainLoss));
    }

    [Fact]
    public void Cancellation_between_epochs_ends_the_run_as_interrupted_with_the_epochs_done()
    {
        using var cancellation = new CancellationTokenSource();
        var trainer = new Trainer(Linear, Build.Training(10, 0.01, BatchSize.Full), Build.Scalars([1, 2], [3, 6]), 0);

        var result = trainer.Run(
            record =>
            {
                if (record.Epoch == 2)
                {
                    cancellation.Cancel();
                }
            },
            cancellation.Token);

        Assert.Equal(TrialStatus.Interrupted, result.Status);
        Assert.Equal(2, result.Epochs.Length);
    }

    [Fact]
    public void A_classifier_records_validation_loss_and_argmax_accuracy()
    {
        // Two classes split by the sign of the first feature.
        var random = new Random(8);
        var data = new Dataset(Classes(random, 200), Classes(random, 50), IsClassification: true);
        var model = Build.Model(InitKind.He, Build.Layer(8, Activation.Relu), Build.Layer(2, Activation.Softmax));
        var training = Build.Training(
            30, 0.01, BatchSize.Of(16), LossKind.Cce, new OptimizerDefinition(OptimizerKind.Adam), shuffle: true);

        var result = new Trainer(model, training, data, seed: 3).Run();

        var last = result.Epochs[^1];
        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.True(last.ValidationLoss < result.Epochs[0].ValidationLoss);
        Assert.True(last.Accuracy >= 0.95, $"accuracy {last.Accuracy}");
    }

    [Fact]
    public void An_autoencoder_on_labelled_data_records_its_validation_loss_and_no_accuracy()
    {
        var random = new Random(8);
        var data = new Dataset(Classes(random, 100), Classes(random, 20), IsClassification: true);
        var model = new ModelDefinition(ModelKind.Autoencoder, [], InitKind.Xavier, [3], Activation.Relu, Activation.Sigmoid);
        var training = Build.Training(5, 0.01, BatchSize.Full, LossKind.Mse, new OptimizerDefinition(OptimizerKind.Adam), shuffle: false);

        var result = new Trainer(model, training, data, seed: 3).Run();

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(5, result.Epochs.Length);
        Assert.All(result.Epochs, epoch => Assert.NotNull(epoch.ValidationLoss));
        Assert.All(result.Epochs, epoch => Assert.Null(epoch.Accuracy));
    }

    private static SampleSet Classes(Random random, int count)
    {
        var x = Build.Uniform(random, count * 2);
        var y = new float[count * 2];
        for (var i = 0; i < count; i++)
        {
            y[(i * 2) + (x[i * 2] > 0 ? 1 : 0)] = 1f;
        }

        return new SampleSet(x, y, count, 2, 2);
    }
}
