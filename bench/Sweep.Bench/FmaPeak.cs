using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Sweep.Bench;

/// <summary>
/// One core's multiply-add ceiling: independent chains of the widest fused multiply-adds the machine has,
/// enough of them to keep both FMA pipes busy through their latency. Nothing real runs faster on one thread,
/// so the engine's GFLOP/s read as a fraction of this, measured in the same process and minute.
/// </summary>
internal static class FmaPeak
{
    private const int Chains = 16;
    private const int Steps = 1 << 16;

    /// <summary>GFLOP/s of the best of <paramref name="samples"/> bursts of about a millisecond each.</summary>
    public static double Measure(int samples = 15)
    {
        var best = double.MaxValue;
        var sink = 0f;
        for (var s = 0; s < samples; s++)
        {
            var started = Stopwatch.GetTimestamp();
            sink += Vector512.IsHardwareAccelerated ? Burst512() : Burst256();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        GC.KeepAlive(sink);
        var lanes = Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector256<float>.Count;
        return 2.0 * Chains * lanes * Steps / best / 1e9;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Burst512()
    {
        var m = Vector512.Create(0.999999f);
        var a = Vector512.Create(1e-6f);
        Vector512<float> x0 = Vector512.Create(1f), x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0, x6 = x0, x7 = x0;
        Vector512<float> x8 = x0, x9 = x0, x10 = x0, x11 = x0, x12 = x0, x13 = x0, x14 = x0, x15 = x0;
        for (var i = 0; i < Steps; i++)
        {
            x0 = Vector512.FusedMultiplyAdd(x0, m, a);
            x1 = Vector512.FusedMultiplyAdd(x1, m, a);
            x2 = Vector512.FusedMultiplyAdd(x2, m, a);
            x3 = Vector512.FusedMultiplyAdd(x3, m, a);
            x4 = Vector512.FusedMultiplyAdd(x4, m, a);
            x5 = Vector512.FusedMultiplyAdd(x5, m, a);
            x6 = Vector512.FusedMultiplyAdd(x6, m, a);
            x7 = Vector512.FusedMultiplyAdd(x7, m, a);
            x8 = Vector512.FusedMultiplyAdd(x8, m, a);
            x9 = Vector512.FusedMultiplyAdd(x9, m, a);
            x10 = Vector512.FusedMultiplyAdd(x10, m, a);
            x11 = Vector512.FusedMultiplyAdd(x11, m, a);
            x12 = Vector512.FusedMultiplyAdd(x12, m, a);
            x13 = Vector512.FusedMultiplyAdd(x13, m, a);
            x14 = Vector512.FusedMultiplyAdd(x14, m, a);
            x15 = Vector512.FusedMultiplyAdd(x15, m, a);
        }

        return Vector512.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11 + x12 + x13 + x14 + x15);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Burst256()
    {
        var m = Vector256.Create(0.999999f);
        var a = Vector256.Create(1e-6f);
        Vector256<float> x0 = Vector256.Create(1f), x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0, x6 = x0, x7 = x0;
        Vector256<float> x8 = x0, x9 = x0, x10 = x0, x11 = x0, x12 = x0, x13 = x0, x14 = x0, x15 = x0;
        for (var i = 0; i < Steps; i++)
        {
            x0 = Vector256.FusedMultiplyAdd(x0, m, a);
            x1 = Vector256.FusedMultiplyAdd(x1, m, a);
            x2 = Vector256.FusedMultiplyAdd(x2, m, a);
            x3 = Vector256.FusedMultiplyAdd(x3, m, a);
            x4 = Vector256.FusedMultiplyAdd(x4, m, a);
            x5 = Vector256.FusedMultiplyAdd(x5, m, a);
            x6 = Vector256.FusedMultiplyAdd(x6, m, a);
            x7 = Vector256.FusedMultiplyAdd(x7, m, a);
            x8 = Vector256.FusedMultiplyAdd(x8, m, a);
            x9 = Vector256.FusedMultiplyAdd(x9, m, a);
            x10 = Vector256.FusedMultiplyAdd(x10, m, a);
            x11 = Vector256.FusedMultiplyAdd(x11, m, a);
            x12 = Vector256.FusedMultiplyAdd(x12, m, a);
            x13 = Vector256.FusedMultiplyAdd(x13, m, a);
            x14 = Vector256.FusedMultiplyAdd(x14, m, a);
            x15 = Vector256.FusedMultiplyAdd(x15, m, a);
        }

        return Vector256.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11 + x12 + x13 + x14 + x15);
    }
}
