using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Sweep.Models.Training;

/// <summary>
/// The natural logarithm of 16 floats at a time, within 2.1e-7 relative for positive normal numbers (about
/// 2 ulp); NaN stays NaN. The runtime's vector log computes in double for the last ulp; the fused BCE takes
/// one log per output, every pixel of an autoencoder.
/// </summary>
internal static class FloatLog
{
    /// <summary>The bits of √½: subtracting them splits x into 2^e · m with m in [√½, √2).</summary>
    private const int HalfSqrt2Bits = 0x3F3504F3;

    private const float Ln2 = 0.6931472f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Of(Vector512<float> x)
    {
        var offset = x.AsInt32() - Vector512.Create(HalfSqrt2Bits);
        var exponent = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(offset, 23));
        var m = ((offset & Vector512.Create(0x007FFFFF)) + Vector512.Create(HalfSqrt2Bits)).AsSingle();

        // log m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.172: five terms of the odd series leave
        // an error below 1e-9.
        var f = m - Vector512<float>.One;
        var s = f / (f + Vector512.Create(2f));
        var s2 = s * s;
        var series = Vector512.FusedMultiplyAdd(s2, Vector512.Create(2f / 9), Vector512.Create(2f / 7));
        series = Vector512.FusedMultiplyAdd(series, s2, Vector512.Create(2f / 5));
        series = Vector512.FusedMultiplyAdd(series, s2, Vector512.Create(2f / 3));
        series = Vector512.FusedMultiplyAdd(series, s2, Vector512.Create(2f));
        var log = Vector512.FusedMultiplyAdd(exponent, Vector512.Create(Ln2), series * s);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), log, x);
    }
}
