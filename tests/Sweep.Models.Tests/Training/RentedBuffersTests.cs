using System.Runtime.InteropServices;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

/// <summary>A trial reuses the buffers of the one before it of the same shapes, and trains exactly as on new ones.</summary>
public sealed class RentedBuffersTests
{
    // Shapes no other test trains, so the pool's arrays of these lengths are this test's alone.
    private const int Features = 37;
    private const int Hidden = 53;
    private const int Batch = 19;

    [Fact]
    public void A_trial_after_a_disposed_one_of_the_same_shapes_reuses_its_buffers_and_trains_the_same_bits()
    {
        var fresh = Train(seed: 7, dispose: false);
        var outputLength = Batch * Features;
        Assert.Equal(0, RentedBuffers.Waiting(outputLength));

        Train(seed: 3, dispose: true);
        var waiting = RentedBuffers.Waiting(outputLength);
        var reused = Train(seed: 7, dispose: false);

        Assert.True(waiting > 0, "the disposed trial handed back no buffer of its output's size");
        Assert.True(RentedBuffers.Waiting(outputLength) < waiting, "the next trial of the same shapes took none of them");
        Assert.Equal(fresh.Losses, reused.Losses);
        Assert.Equal(fresh.Weights, reused.Weights);
    }

    /// <summary>An autoencoder through <see cref="Hidden"/> units, Adam on shuffled batches, with validation.</summary>
    private static (List<(double Train, double? Validation)> Losses, int[] Weights) Train(int seed, bool dispose)
    {
        var random = new Random(seed);
        var data = new Dataset(Samples(random, 95), Samples(random, 40), IsClassification: false);
        var model = new ModelDefinition(ModelKind.Autoencoder, [], InitKind.Xavier, [Hidden], Activation.Relu, Activation.Sigmoid);
        var training = Build.Training(3, 0.01, BatchSize.Of(Batch), LossKind.Bce, new OptimizerDefinition(OptimizerKind.Adam), shuffle: true);
        var trainer = new Trainer(model, training, data, seed);
        var result = trainer.Run();
        Assert.Equal(TrialStatus.Completed, result.Status);
        var weights = MemoryMarshal.Cast<float, int>(trainer.Network.Parameters).ToArray();
        if (dispose)
        {
            trainer.Dispose();
        }

        return ([.. result.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss))], weights);
    }

    private static SampleSet Samples(Random random, int count) =>
        new(Build.Uniform(random, count * Features, 0f, 1f), [], count, Features, 0);
}
