using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sweep.Models.Training;

public static partial class Gemm
{
    /// <summary>
    /// The kernel for machines with AVX2 but without 512-bit vectors: eight ymm accumulators
    /// leave room in the 16 registers for the panel row and the broadcast.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Kernel8x8(
        float* a, nint rowStride, nint depthStride, float* b, nint bStride, int depth, float* c, nint ldc, float beta, int rows, int columns)
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector256<float> c4 = default, c5 = default, c6 = default, c7 = default;
        float* a0 = a;
        float* a4 = a + (4 * rowStride);
        nint rs2 = 2 * rowStride;
        nint rs3 = 3 * rowStride;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector256.Load(b);
            c0 = Fma.MultiplyAdd(Vector256.Create(a0[0]), b0, c0);
            c1 = Fma.MultiplyAdd(Vector256.Create(a0[rowStride]), b0, c1);
            c2 = Fma.MultiplyAdd(Vector256.Create(a0[rs2]), b0, c2);
            c3 = Fma.MultiplyAdd(Vector256.Create(a0[rs3]), b0, c3);
            c4 = Fma.MultiplyAdd(Vector256.Create(a4[0]), b0, c4);
            c5 = Fma.MultiplyAdd(Vector256.Create(a4[rowStride]), b0, c5);
            c6 = Fma.MultiplyAdd(Vector256.Create(a4[rs2]), b0, c6);
            c7 = Fma.MultiplyAdd(Vector256.Create(a4[rs3]), b0, c7);
            a0 += depthStride;
            a4 += depthStride;
            b += bStride;
        }

        var mask = LaneMask256(columns);
        StoreMasked(c0, c, mask, beta);
        if (rows > 1)
        {
            StoreMasked(c1, c + ldc, mask, beta);
        }

        if (rows > 2)
        {
            StoreMasked(c2, c + (2 * ldc), mask, beta);
        }

        if (rows > 3)
        {
            StoreMasked(c3, c + (3 * ldc), mask, beta);
        }

        c += 4 * ldc;
        if (rows > 4)
        {
            StoreMasked(c4, c, mask, beta);
        }

        if (rows > 5)
        {
            StoreMasked(c5, c + ldc, mask, beta);
        }

        if (rows > 6)
        {
            StoreMasked(c6, c + (2 * ldc), mask, beta);
        }

        if (rows > 7)
        {
            StoreMasked(c7, c + (3 * ldc), mask, beta);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> LaneMask256(int count) =>
        Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreMasked(Vector256<float> sum, float* c, Vector256<float> mask, float beta)
    {
        if (beta != 0f)
        {
            sum = Fma.MultiplyAdd(Avx.MaskLoad(c, mask), Vector256.Create(beta), sum);
        }

        Avx.MaskStore(c, mask, sum);
    }
}
