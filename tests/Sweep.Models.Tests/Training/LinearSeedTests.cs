using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

/// <summary>
/// Seeds 003/004: y = 3x on x = 1, 2, 3, 4 with w = b = 0, full-batch gradient descent on
/// <c>np.mean(np.square(pred − y))</c>, which is PyTorch's mean-reduced MSE, training w and b alike, so the
/// seed's learning rates are ours unchanged: ∂L/∂w = mean(2(wx + b − y)x) = −45 and ∂L/∂b = −15 at the start.
/// </summary>
public class LinearSeedTests
{
    [Theory]
    [InlineData(0.01, 0.45, 0.15)]
    [InlineData(0.1, 4.5, 1.5)]
    [InlineData(1.0, 45.0, 15.0)]
    public void One_epoch_moves_the_weight_by_45_times_the_learning_rate(double learningRate, double weight, double bias)
    {
        var trainer = Train(learningRate, epochs: 1);

        trainer.Run();

        Assert.Equal(weight, trainer.Network.LayerWeights(0)[0], 1e-5 * weight);
        Assert.Equal(bias, trainer.Network.LayerBias(0)[0], 1e-5 * bias);
    }

    [Fact]
    public void A_rate_of_0_01_creeps_up_to_3_over_1000_epochs()
    {
        var trainer = Train(0.01, epochs: 1000);

        var result = trainer.Run();

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(1000, result.Epochs.Length);
        // The only weight is w, so the recorded weight norm is |w| epoch by epoch: it never overshoots.
        Assert.All(result.Epochs, record => Assert.True(record.WeightNorm < 3.0));
        Assert.Equal(2.9845, trainer.Network.LayerWeights(0)[0], 1e-3);
        Assert.Equal(67.5, result.Epochs[0].TrainLoss, 1e-4);
    }

    [Fact]
    public void A_rate_of_0_1_overshoots_then_settles_at_3()
    {
        var trainer = Train(0.1, epochs: 1000);

        var result = trainer.Run();

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(4.5, result.Epochs[0].WeightNorm, 1e-5);
        Assert.Equal(3.0, trainer.Network.LayerWeights(0)[0], 1e-3);
        Assert.Equal(0.0, trainer.Network.LayerBias(0)[0], 1e-3);
    }

    [Fact]
    public void A_rate_of_1_explodes_and_the_trial_is_marked_diverged()
    {
        var trainer = Train(1.0, epochs: 1000);

        var result = trainer.Run();

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.Equal(2, result.Epochs.Length);
        Assert.Equal(45.0, result.Epochs[0].WeightNorm, 1e-4);
        Assert.True(result.Epochs[1].TrainLoss > 4 * result.Epochs[0].TrainLoss);
    }

    private static Trainer Train(double learningRate, int epochs) => new(
        Build.Model(InitKind.Zeros, Build.Layer(1, Activation.Linear)),
        Build.Training(epochs, learningRate, BatchSize.Full),
        Build.Scalars([1, 2, 3, 4], [3, 6, 9, 12]),
        seed: 0);
}
