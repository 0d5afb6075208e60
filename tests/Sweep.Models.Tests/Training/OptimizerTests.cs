using Sweep.Models.Experiments;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

/// <summary>
/// Three steps of each optimizer on two parameters starting at (1, −2), gradients (0.5, −1), (−0.2, 0.3),
/// (0.1, 0.4), learning rate 0.1, against the values PyTorch's update formulas give (worked in the comments).
/// </summary>
public class OptimizerTests
{
    private static readonly float[][] GradientSteps = [[0.5f, -1f], [-0.2f, 0.3f], [0.1f, 0.4f]];

    [Fact]
    public void Plain_sgd_subtracts_rate_times_gradient()
    {
        // 1 − 0.1·0.5 = 0.95, 0.95 + 0.02 = 0.97, 0.97 − 0.01 = 0.96.
        AssertSteps(new SgdOptimizer(2), [[0.95, -1.9], [0.97, -1.93], [0.96, -1.97]]);
    }

    [Fact]
    public void Momentum_accumulates_a_buffer_that_starts_at_the_first_gradient()
    {
        // buf = 0.5 → 0.95; buf = 0.9·0.5 − 0.2 = 0.25 → 0.925; buf = 0.225 + 0.1 = 0.325 → 0.8925.
        AssertSteps(new SgdOptimizer(2, momentum: 0.9f), [[0.95, -1.9], [0.925, -1.84], [0.8925, -1.826]]);
    }

    [Fact]
    public void Nesterov_steps_along_the_gradient_plus_momentum_times_the_new_buffer()
    {
        // buf = 0.5, g + 0.9·buf = 0.95 → 0.905; buf = 0.25, −0.2 + 0.225 = 0.025 → 0.9025;
        // buf = 0.325, 0.1 + 0.2925 = 0.3925 → 0.86325.
        AssertSteps(
            new SgdOptimizer(2, momentum: 0.9f, nesterov: true),
            [[0.905, -1.81], [0.9025, -1.786], [0.86325, -1.8134]]);
    }

    [Fact]
    public void Adam_is_bias_corrected_with_epsilon_after_the_square_root()
    {
        // Step 1: m̂ = g, v̂ = g², so each parameter moves by lr·sign(g): 0.9 and −1.9.
        // Step 2 (first parameter): m = 0.025, v = 0.00028975; lr/(1 − 0.81) · m / (√v/√(1 − 0.998001) + 1e-8)
        // = 0.0345606 → 0.8654394.
        AssertSteps(
            new AdamOptimizer(2),
            [[0.9, -1.9], [0.8654394, -1.8572151], [0.8275002, -1.8492092]]);
    }

    [Fact]
    public void RmsProp_divides_by_the_root_of_a_decaying_mean_square_plus_epsilon()
    {
        // Step 1: v = 0.1·0.25 = 0.025, 1 − 0.1·0.5/√0.025 = 0.6837723 (no bias correction).
        AssertSteps(
            new RmsPropOptimizer(2, rho: 0.9f),
            [[0.6837723, -1.6837722], [0.8066313, -1.7791185], [0.7431951, -1.9025024]]);
    }

    [Fact]
    public void AdamW_decays_weights_before_the_adam_step_and_leaves_biases_alone()
    {
        // One weight, one bias, decay 0.5: 1·(1 − 0.1·0.5) − 0.1 = 0.85, while the bias follows plain Adam.
        AssertSteps(
            new AdamWOptimizer(2, weightCount: 1, decay: 0.5),
            [[0.85, -1.9], [0.7729394, -1.8572151], [0.6963533, -1.8492092]]);
    }

    [Fact]
    public void Optimizer_definitions_build_the_optimizer_of_their_kind_with_their_settings()
    {
        var rmsProp = Optimizer.Create(new OptimizerDefinition(OptimizerKind.RmsProp, Rho: 0.9), 2, 1);
        var adamW = Optimizer.Create(new OptimizerDefinition(OptimizerKind.AdamW, DecoupledDecay: 0.5), 2, 1);

        AssertSteps(rmsProp, [[0.6837723, -1.6837722], [0.8066313, -1.7791185], [0.7431951, -1.9025024]]);
        AssertSteps(adamW, [[0.85, -1.9], [0.7729394, -1.8572151], [0.6963533, -1.8492092]]);
    }

    private static void AssertSteps(Optimizer optimizer, double[][] expected)
    {
        float[] parameters = [1f, -2f];
        for (var step = 0; step < expected.Length; step++)
        {
            optimizer.Step(parameters, GradientSteps[step], 0.1);

            Assert.Equal(expected[step][0], parameters[0], 1e-5);
            Assert.Equal(expected[step][1], parameters[1], 1e-5);
        }

        Assert.Equal(expected.Length, optimizer.Steps);
    }

    [Fact]
    public void Adam_gives_the_same_bits_to_a_parameter_whether_it_falls_in_a_vector_or_in_the_tail()
    {
        // 16 parameters fill a vector; the 17th and 18th repeat the first two through the scalar tail.
        var optimizer = new AdamOptimizer(18);
        var parameters = Enumerable.Range(0, 18).Select(i => 1f - (0.37f * (i % 16))).ToArray();
        for (var step = 0; step < 5; step++)
        {
            var gradients = Enumerable.Range(0, 18).Select(i => MathF.Sin((i % 16) + (step * 0.7f))).ToArray();
            optimizer.Step(parameters, gradients, 0.01);
        }

        Assert.Equal(parameters[0], parameters[16]);
        Assert.Equal(parameters[1], parameters[17]);
        Assert.NotEqual(1f, parameters[0]);
    }
}
