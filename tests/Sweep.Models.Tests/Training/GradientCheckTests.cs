using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

/// <summary>
/// Backpropagation against central finite differences of the network's own loss, in float32: a step of
/// 1e-3 keeps rounding noise (~3e-8 of the loss / step) and truncation (~step²) near 1e-5, far below
/// the tolerance, while a wrong factor or a missing term is off by much more.
/// </summary>
public class GradientCheckTests
{
    private const float Step = 1e-3f;

    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Softmax)]
    [InlineData(Activation.Clip)]
    public void Every_hidden_activation_backpropagates_its_exact_derivative(Activation hidden)
    {
        var layers = ImmutableArray.Create(
            Build.Layer(5, hidden, clipMin: -0.3, clipMax: 0.4),
            Build.Layer(2, Activation.Linear));

        CheckGradients(layers, inputs: 3, count: 6, LossKind.Mse, WeightDecay.None);
    }

    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Softmax)]
    [InlineData(Activation.Clip)]
    public void Every_output_activation_backpropagates_its_exact_derivative(Activation output)
    {
        var layers = ImmutableArray.Create(
            Build.Layer(4, Activation.Tanh),
            Build.Layer(3, output, clipMin: -0.2, clipMax: 0.3));

        CheckGradients(layers, inputs: 3, count: 5, LossKind.Mse, WeightDecay.None);
    }

    [Theory]
    [InlineData(LossKind.Mse, Activation.Linear)]
    [InlineData(LossKind.Mae, Activation.Linear)]
    [InlineData(LossKind.Bce, Activation.Sigmoid)]
    [InlineData(LossKind.Bce, Activation.Softmax)]
    [InlineData(LossKind.Cce, Activation.Softmax)]
    [InlineData(LossKind.Cce, Activation.Sigmoid)]
    public void Every_loss_fused_or_not_has_the_gradient_of_its_value(LossKind loss, Activation output)
    {
        var layers = ImmutableArray.Create(
            Build.Layer(4, Activation.Sigmoid),
            Build.Layer(3, output));

        CheckGradients(layers, inputs: 2, count: 7, loss, WeightDecay.None);
    }

    [Theory]
    [InlineData(0.1, 0.0)]
    [InlineData(0.0, 0.1)]
    [InlineData(0.05, 0.2)]
    public void L1_and_L2_penalties_add_the_gradient_of_their_value(double l1, double l2)
    {
        var layers = ImmutableArray.Create(
            Build.Layer(4, Activation.Tanh),
            Build.Layer(2, Activation.Linear));

        CheckGradients(layers, inputs: 3, count: 4, LossKind.Mse, new WeightDecay(l1, l2));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(4, 3, 8)]
    [InlineData(6, 2, 16)]
    public void Two_hidden_layers_of_any_width_backpropagate_over_a_whole_batch(int inputs, int outputs, int count)
    {
        var layers = ImmutableArray.Create(
            Build.Layer(5, Activation.Tanh),
            Build.Layer(3, Activation.Sigmoid),
            Build.Layer(outputs, Activation.Linear));

        CheckGradients(layers, inputs, count, LossKind.Mse, new WeightDecay(0.01, 0.01));
    }

    [Fact]
    public void Biases_are_not_penalised()
    {
        var network = new Network([Build.Layer(2, Activation.Linear, bias: [3, -4])], 1, InitKind.Zeros, 1, 0);

        Assert.Equal(0.0, network.Penalty(new WeightDecay(1, 1)));
    }

    private static void CheckGradients(
        ImmutableArray<LayerDefinition> layers, int inputs, int count, LossKind loss, WeightDecay decay)
    {
        var random = new Random(1234);
        var network = new Network(layers, inputs, InitKind.Uniform, count, seed: 42);
        var x = Build.Uniform(random, count * inputs, -2f, 2f);
        var y = loss switch
        {
            LossKind.Cce => Build.OneHot(random, count, network.Outputs),
            LossKind.Bce => Build.Uniform(random, count * network.Outputs, 0f, 1f),
            _ => Build.Uniform(random, count * network.Outputs),
        };

        network.ComputeGradients(x, y, count, loss);
        network.AddPenaltyGradient(decay);
        var analytic = network.Gradients.ToArray();
        Assert.Contains(analytic, value => Math.Abs(value) > 1e-3);

        for (var i = 0; i < analytic.Length; i++)
        {
            var numeric = CentralDifference(network, i, Step, x, y, count, loss, decay);
            if (Math.Abs(numeric - analytic[i]) > 2e-4 + (1e-2 * Math.Abs(numeric)))
            {
                // ReLU, clip, MAE and L1 have kinks: a step that straddles one mixes two slopes. Ten times
                // closer the kink is almost surely outside the step; a wrong derivative stays wrong.
                numeric = CentralDifference(network, i, Step / 10, x, y, count, loss, decay);
            }

            Assert.True(
                Math.Abs(numeric - analytic[i]) <= 1e-3 + (1e-2 * Math.Abs(numeric)),
                $"Parameter {i}: backprop gives {analytic[i]}, finite differences {numeric}.");
        }
    }

    private static double CentralDifference(
        Network network, int parameter, float step, float[] x, float[] y, int count, LossKind loss, WeightDecay decay)
    {
        var parameters = network.Parameters;
        var saved = parameters[parameter];
        parameters[parameter] = saved + step;
        var plus = network.Evaluate(x, y, count, loss) + network.Penalty(decay);
        parameters[parameter] = saved - step;
        var minus = network.Evaluate(x, y, count, loss) + network.Penalty(decay);
        parameters[parameter] = saved;
        return (plus - minus) / (2 * step);
    }
}
