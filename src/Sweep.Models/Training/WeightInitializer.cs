using Sweep.Models.Experiments;

namespace Sweep.Models.Training;

/// <summary>
/// Starting weights drawn from a seeded <see cref="Random"/>, one layer at a time in layer order, weights
/// row by row before biases. With fan_in = inputs and fan_out = units of the layer:
/// <list type="bullet">
/// <item>zeros: w = 0, b = 0;</item>
/// <item>uniform: w, b ~ U(−1/√fan_in, 1/√fan_in), PyTorch's nn.Linear default;</item>
/// <item>normal: w ~ N(0, 1/fan_in) (LeCun normal), b = 0;</item>
/// <item>xavier: w ~ U(−√(6/(fan_in + fan_out)), √(6/(fan_in + fan_out))) (Glorot uniform), b = 0;</item>
/// <item>he: w ~ N(0, 2/fan_in) (Kaiming normal for ReLU), b = 0.</item>
/// </list>
/// Normal draws use the Box–Muller transform.
/// </summary>
internal static class WeightInitializer
{
    public static void Fill(InitKind init, Span<float> weights, Span<float> bias, int fanIn, int fanOut, Random random)
    {
        switch (init)
        {
            case InitKind.Zeros:
                weights.Clear();
                bias.Clear();
                break;
            case InitKind.Uniform:
                var bound = 1.0 / Math.Sqrt(fanIn);
                FillUniform(weights, bound, random);
                FillUniform(bias, bound, random);
                break;
            case InitKind.Normal:
                FillNormal(weights, Math.Sqrt(1.0 / fanIn), random);
                bias.Clear();
                break;
            case InitKind.Xavier:
                FillUniform(weights, Math.Sqrt(6.0 / (fanIn + fanOut)), random);
                bias.Clear();
                break;
            case InitKind.He:
                FillNormal(weights, Math.Sqrt(2.0 / fanIn), random);
                bias.Clear();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown init.");
        }
    }

    private static void FillUniform(Span<float> values, double bound, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(((2.0 * random.NextDouble()) - 1.0) * bound);
        }
    }

    private static void FillNormal(Span<float> values, double deviation, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // 1 − NextDouble() lies in (0, 1], so the log is finite.
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            values[i] = (float)(radius * Math.Cos(2.0 * Math.PI * random.NextDouble()) * deviation);
        }
    }
}
