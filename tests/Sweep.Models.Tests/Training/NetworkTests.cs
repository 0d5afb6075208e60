using Sweep.Models.Experiments;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public class NetworkTests
{
    [Theory]
    [InlineData(InitKind.Uniform, 0.05)]
    [InlineData(InitKind.Xavier, 0.0733799)]
    public void Uniform_inits_stay_within_their_documented_bound(InitKind init, double bound)
    {
        // fan_in 400, fan_out 715: 1/√400 = 0.05 and √(6 / 1115) = 0.0733799.
        var network = new Network([Build.Layer(715, Activation.Linear)], 400, init, 1, seed: 7);

        var weights = network.LayerWeights(0).ToArray();

        Assert.All(weights, w => Assert.InRange(w, -bound, bound));
        Assert.True(weights.Max() > 0.95 * bound);
        Assert.True(weights.Min() < -0.95 * bound);
    }

    [Theory]
    [InlineData(InitKind.Normal, 0.05)]
    [InlineData(InitKind.He, 0.0707107)]
    public void Normal_inits_have_their_documented_spread_and_zero_bias(InitKind init, double deviation)
    {
        // fan_in 400: √(1/400) = 0.05 and √(2/400) = 0.0707107, over 400 × 500 draws.
        var network = new Network([Build.Layer(500, Activation.Linear)], 400, init, 1, seed: 7);

        var weights = network.LayerWeights(0).ToArray();
        var mean = weights.Average(w => (double)w);
        var spread = Math.Sqrt(weights.Average(w => (w - mean) * (w - mean)));

        Assert.Equal(0, mean, 0.01 * deviation);
        Assert.Equal(deviation, spread, 0.01 * deviation);
        Assert.All(network.LayerBias(0).ToArray(), b => Assert.Equal(0f, b));
    }

    [Fact]
    public void The_same_seed_draws_the_same_weights()
    {
        var first = new Network([Build.Layer(5, Activation.Tanh)], 3, InitKind.He, 1, seed: 12);
        var second = new Network([Build.Layer(5, Activation.Tanh)], 3, InitKind.He, 1, seed: 12);
        var other = new Network([Build.Layer(5, Activation.Tanh)], 3, InitKind.He, 1, seed: 13);

        Assert.Equal(first.Parameters.ToArray(), second.Parameters.ToArray());
        Assert.NotEqual(first.Parameters.ToArray(), other.Parameters.ToArray());
    }

    [Fact]
    public void Explicit_weights_and_bias_replace_the_init_of_their_layer_only()
    {
        var network = new Network(
            [Build.Layer(2, Activation.Linear, weights: [[1, 2, 3], [4, 5, 6]], bias: [7, 8]), Build.Layer(1, Activation.Linear)],
            3, InitKind.Uniform, 1, seed: 1);

        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], network.LayerWeights(0).ToArray());
        Assert.Equal([7f, 8f], network.LayerBias(0).ToArray());
        Assert.NotEqual(0f, network.LayerWeights(1)[0]);
        Assert.Equal(6 + 2, network.WeightCount);
    }

    [Fact]
    public void Weights_of_the_wrong_shape_are_refused_with_the_shape_expected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new Network([Build.Layer(2, Activation.Linear, weights: [[1, 2]])], 3, InitKind.Zeros, 1, 0));

        Assert.Contains("2 rows (units) of 3 values (inputs)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Softmax_outputs_of_huge_logits_are_finite_probabilities()
    {
        var network = new Network(
            [Build.Layer(3, Activation.Softmax, weights: [[1000], [0], [-1000]], bias: [0, 0, 0])],
            1, InitKind.Zeros, 1, 0);

        var outputs = network.Forward([1f], 1).ToArray();

        Assert.Equal([1f, 0f, 0f], outputs);
    }

    [Fact]
    public void Predict_runs_more_samples_than_the_largest_batch_in_chunks()
    {
        var network = new Network([Build.Layer(1, Activation.Linear, weights: [[2]], bias: [1])], 1, InitKind.Zeros, 2, 0);
        var outputs = new float[5];

        network.Predict([0, 1, 2, 3, 4], 5, outputs);

        Assert.Equal([1f, 3f, 5f, 7f, 9f], outputs);
    }

    [Fact]
    public void The_loss_and_gradient_of_a_batch_taken_a_block_of_rows_at_a_time_are_those_of_the_whole_batch()
    {
        // 2,100 sigmoid outputs per sample: each block of the forward pass holds one sample.
        const int units = 2100;
        const int count = 3;
        var random = new Random(8);
        var network = new Network([Build.Layer(units, Activation.Sigmoid)], 2, InitKind.Xavier, count, 1);
        var inputs = Build.Uniform(random, count * 2);
        var targets = Build.Uniform(random, count * units, 0f, 1f);

        var loss = network.ComputeGradients(inputs, targets, count, LossKind.Bce);

        var weights = network.LayerWeights(0).ToArray();
        var bias = network.LayerBias(0).ToArray();
        var expectedLoss = 0.0;
        var firstBiasGradient = 0.0;
        for (var sample = 0; sample < count; sample++)
        {
            for (var unit = 0; unit < units; unit++)
            {
                var z = (double)bias[unit] + (weights[unit * 2] * inputs[sample * 2]) + (weights[(unit * 2) + 1] * inputs[(sample * 2) + 1]);
                var t = targets[(sample * units) + unit];
                expectedLoss += Math.Max(z, 0) - (z * t) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
                if (unit == 0)
                {
                    firstBiasGradient += (1 / (1 + Math.Exp(-z))) - t;
                }
            }
        }

        Assert.Equal(expectedLoss / (count * units), loss, 1e-6);
        Assert.Equal(firstBiasGradient / (count * units), network.Gradients[network.WeightCount], 1e-9);
    }
}
