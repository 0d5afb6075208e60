namespace Sweep.Models.Data;

/// <summary>Draws from N(0, 1) with the Box–Muller transform, so a seeded <see cref="Random"/> gives the same noise everywhere.</summary>
internal static class StandardNormal
{
    public static double Next(Random random)
    {
        // 1 − u lies in (0, 1], keeping the logarithm finite.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
