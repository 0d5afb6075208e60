using Sweep.Models.Experiments;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public sealed class LossFunctionTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(784 * 3)]
    public void Fused_binary_cross_entropy_matches_the_textbook_formula_on_many_pixels(int elements)
    {
        var random = new Random(5);
        var z = Enumerable.Range(0, elements).Select(_ => (float)((random.NextDouble() * 40) - 20)).ToArray();
        var targets = Enumerable.Range(0, elements).Select(_ => (float)random.NextDouble()).ToArray();
        var a = z.Select(v => (float)(1 / (1 + Math.Exp(-v)))).ToArray();
        var gradient = new float[elements];

        var loss = LossFunctions.Evaluate(LossKind.Bce, Activation.Sigmoid, z, a, targets, gradient, elements, 1, elements);

        var expected = z.Zip(targets, (v, t) => Math.Max(v, 0) - (v * t) + Math.Log(1 + Math.Exp(-Math.Abs(v)))).Average();
        Assert.Equal(expected, loss, expected * 1e-6);
        Assert.Equal((a[^1] - targets[^1]) / elements, gradient[^1], 1e-7);
        Assert.Equal((a[0] - targets[0]) / elements, gradient[0], 1e-7);
    }
}
