using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

/// <summary>
/// Seed 000: one input and a bias, output clipped at 250, SGD one sample at a time in file order, starting
/// at w = 0.1, b = 0.05. The seed updates <c>w += η·(t − y)·x</c>; the MSE gradient is <c>2(y − t)·x</c>, so
/// its rate η is our rate η/2 (its "no learning rate" is lr 0.5, its 0.00001 is lr 0.000005). Two things of
/// the seed we do not copy: it also moves the bias by <c>η·(t − y)·x</c> (x, not 1), and it updates
/// even where the output is clipped, where our clip, like torch.clamp, passes no gradient.
/// </summary>
public class PerceptronSeedTests
{
    private static readonly float[] Inputs = [60, 40, 100, 300, -50, 310];
    private static readonly float[] Targets = [60, 40, 150, 250, -50, 250];

    [Fact]
    public void Without_a_learning_rate_the_first_sample_moves_the_weight_by_thousands()
    {
        // The seed's own first step: 0.1 + (60 − 6.05)·60 = 3237.1.
        var trainer = Train(Build.Scalars(Inputs[..1], Targets[..1]), 0.5, epochs: 1);

        trainer.Run();

        Assert.Equal(3237.1, trainer.Network.LayerWeights(0)[0], 0.01);
    }

    [Fact]
    public void Without_a_learning_rate_the_weight_flips_sign_within_the_first_epoch()
    {
        // After 60 the outputs clip at 250 (no gradient) until −50, whose huge negative output flips w.
        var trainer = Train(Build.Scalars(Inputs[..5], Targets[..5]), 0.5, epochs: 1);

        trainer.Run();

        Assert.True(trainer.Network.LayerWeights(0)[0] < -1e6f);
    }

    [Fact]
    public void Without_a_learning_rate_the_weights_explode_and_the_trial_diverges()
    {
        var trainer = Train(Build.Scalars(Inputs, Targets), 0.5, epochs: 100);

        var result = trainer.Run();

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.True(result.Epochs[0].WeightNorm > 1e9);
        Assert.True(result.Epochs.Length < 100);
    }

    [Fact]
    public void At_the_seeds_rate_of_0_00001_training_converges_and_new_inputs_map_as_the_seed_code_does()
    {
        // 334 epochs of 6 samples: the 2004 updates of the seed's 2000-iteration loop.
        var trainer = Train(Build.Scalars(Inputs, Targets), 0.000005, epochs: 334);
        var predictions = new float[4];

        var result = trainer.Run();
        trainer.Network.Predict([10, 240, 550, -160], 4, predictions);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss / 10);
        // The text calls these close to 10, 240, 250 and −160; run as written, the seed's code learns
        // w = 1.288 (the sample 100 → 150 pulls w above 1) and prints 14.1, 250, 250 and −204.8.
        Assert.Equal(1.288, trainer.Network.LayerWeights(0)[0], 0.01);
        Assert.Equal(14.1, predictions[0], 2.5);
        Assert.Equal(250, predictions[1]);
        Assert.Equal(250, predictions[2]);
        Assert.Equal(-204.8, predictions[3], 2.5);
    }

    [Fact]
    public void Taken_as_our_own_rates_1_explodes_and_0_00001_converges()
    {
        var exploding = Train(Build.Scalars(Inputs, Targets), 1, epochs: 100).Run();
        var converging = Train(Build.Scalars(Inputs, Targets), 0.00001, epochs: 334).Run();

        Assert.Equal(TrialStatus.Diverged, exploding.Status);
        Assert.Equal(TrialStatus.Completed, converging.Status);
        Assert.True(converging.Epochs[^1].TrainLoss < converging.Epochs[0].TrainLoss / 10);
    }

    private static Trainer Train(Dataset data, double learningRate, int epochs) => new(
        Build.Model(InitKind.Zeros, Build.Layer(1, Activation.Clip, weights: [[0.1]], bias: [0.05], clipMax: 250)),
        Build.Training(epochs, learningRate, BatchSize.Single),
        data,
        seed: 0);
}
