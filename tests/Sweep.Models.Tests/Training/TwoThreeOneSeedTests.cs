using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

/// <summary>
/// Seed 004: input (1, 1), target 0, a 2-3-1 network (sigmoid hidden layer, linear output) from the weights
/// printed in the text, full-batch gradient descent at lr 0.01 for 100 epochs. Its loss is
/// <c>np.mean(np.square(pred − y))</c> (PyTorch's mean MSE, no ½) and each epoch's loss is taken before
/// that epoch's update, as ours is, so the learning rate carries over unchanged. The seed estimates
/// gradients by forward differences (step 1e-4, in float64); the exact gradient lands within 1e-4 of its
/// printed weights.
/// </summary>
public class TwoThreeOneSeedTests
{
    [Fact]
    public void The_loss_starts_near_a_third_and_ends_near_0_0003()
    {
        var (trainer, result) = TrainSeedNetwork();

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(100, result.Epochs.Length);
        Assert.Equal(0.33455, result.Epochs[0].TrainLoss, 1e-4);
        Assert.Equal(0.000326, result.Epochs[^1].TrainLoss, 5e-6);
        Assert.Equal(100, trainer.Updates);
    }

    [Fact]
    public void The_trained_network_predicts_about_minus_0_017()
    {
        var (trainer, _) = TrainSeedNetwork();
        var output = new float[1];

        trainer.Network.Predict([1f, 1f], 1, output);

        Assert.Equal(-0.0174, output[0], 2e-4);
    }

    [Fact]
    public void The_final_weights_match_the_ones_printed_in_the_seed()
    {
        var (trainer, _) = TrainSeedNetwork();
        var network = trainer.Network;

        // The seed prints W[0] as inputs × units; ours is units × inputs, so the rows are its columns.
        AssertClose([0.01424004, 0.39883757, -0.5907864, -0.52918637, -0.27549535, 0.18640439], network.LayerWeights(0));
        AssertClose([0.00554004, 0.5519136, -0.06599568], network.LayerBias(0));
        AssertClose([0.3475135, -0.05529078, 0.03760847], network.LayerWeights(1));
        AssertClose([-0.22443289], network.LayerBias(1));
    }

    private static (Trainer Trainer, TrainingResult Result) TrainSeedNetwork()
    {
        var model = Build.Model(
            InitKind.Zeros,
            Build.Layer(
                3, Activation.Sigmoid,
                weights: [[-0.0053, 0.3793], [-0.5820, -0.5204], [-0.2723, 0.1896]],
                bias: [-0.0140, 0.5607, -0.0628]),
            Build.Layer(1, Activation.Linear, weights: [[0.1528, -0.1745, -0.1135]], bias: [-0.5516]));
        var data = new Dataset(new SampleSet([1f, 1f], [0f], 1, 2, 1), null, false);
        var trainer = new Trainer(model, Build.Training(100, 0.01, BatchSize.Full), data, seed: 0);
        return (trainer, trainer.Run());
    }

    private static void AssertClose(double[] expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 2e-4);
        }
    }
}
