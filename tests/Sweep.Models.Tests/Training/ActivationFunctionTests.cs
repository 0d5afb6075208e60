using Sweep.Models.Experiments;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public sealed class ActivationFunctionTests
{
    [Fact]
    public void Relu_backward_keeps_the_gradient_exactly_where_z_is_positive_and_zeroes_it_elsewhere_and_at_NaN()
    {
        var z = Pattern(37, i => i % 5 == 0 ? 0f : i % 7 == 0 ? float.NaN : (i % 3) - 1f + 1e-3f);
        var gradient = Pattern(37, i => i + 1f);

        ActivationFunctions.Backward(Activation.Relu, 0f, 0f, z, z, gradient, new float[37], 37);

        for (var i = 0; i < z.Length; i++)
        {
            Assert.Equal(z[i] > 0f ? i + 1f : 0f, gradient[i]);
        }
    }

    [Fact]
    public void Clip_backward_keeps_the_gradient_from_min_to_max_inclusive()
    {
        var z = Pattern(35, i => (i - 17) / 8f);
        var gradient = Pattern(35, i => -(i + 1f));

        ActivationFunctions.Backward(Activation.Clip, -1f, 0.5f, z, z, gradient, new float[35], 35);

        for (var i = 0; i < z.Length; i++)
        {
            Assert.Equal(z[i] is >= -1f and <= 0.5f ? -(i + 1f) : 0f, gradient[i]);
        }
    }

    [Fact]
    public void Sigmoid_matches_the_double_formula_and_gives_a_value_the_same_bits_at_any_position()
    {
        var random = new Random(4);
        var z = Pattern(53, _ => (float)((random.NextDouble() * 30) - 15));
        z[50] = z[3];
        var a = new float[z.Length];

        ActivationFunctions.Forward(Activation.Sigmoid, 0f, 0f, z, a, z.Length);

        for (var i = 0; i < z.Length; i++)
        {
            var exact = 1 / (1 + Math.Exp(-z[i]));
            Assert.Equal(exact, a[i], exact * 3e-7);
        }

        Assert.Equal(a[3], a[50]);
    }

    private static float[] Pattern(int length, Func<int, float> value) => Enumerable.Range(0, length).Select(value).ToArray();
}
