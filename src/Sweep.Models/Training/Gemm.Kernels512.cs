using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sweep.Models.Training;

public static partial class Gemm
{
    /// <summary>
    /// The hot loop: an 8 x 32 tile of C held in 16 zmm accumulators across the whole depth.
    /// Each step loads one 32-float row of the packed panel and broadcasts eight A values, so
    /// 16 FMAs cover 10 loads and the two FMA pipes never wait on a single dependency chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Kernel8x32(
        float* a, nint rowStride, nint depthStride, float* b, nint bStride, int depth, float* c, nint ldc, float beta, int rows, int columns)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;

        // Two base pointers and three strides keep every broadcast a single addressing mode.
        float* a0 = a;
        float* a4 = a + (4 * rowStride);
        nint rs2 = 2 * rowStride;
        nint rs3 = 3 * rowStride;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a0[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a0[rowStride]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a0[rs2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a0[rs3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a4[0]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a4[rowStride]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a4[rs2]);
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a4[rs3]);
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            a0 += depthStride;
            a4 += depthStride;
            b += bStride;
        }

        if (rows == TileRows && columns == 32)
        {
            Store(c00, c, beta);
            Store(c01, c + 16, beta);
            Store(c10, c + ldc, beta);
            Store(c11, c + ldc + 16, beta);
            c += 2 * ldc;
            Store(c20, c, beta);
            Store(c21, c + 16, beta);
            Store(c30, c + ldc, beta);
            Store(c31, c + ldc + 16, beta);
            c += 2 * ldc;
            Store(c40, c, beta);
            Store(c41, c + 16, beta);
            Store(c50, c + ldc, beta);
            Store(c51, c + ldc + 16, beta);
            c += 2 * ldc;
            Store(c60, c, beta);
            Store(c61, c + 16, beta);
            Store(c70, c + ldc, beta);
            Store(c71, c + ldc + 16, beta);
            return;
        }

        // Edge tiles: masked stores keep the padded lanes and rows out of C.
        var low = LaneMask(columns);
        var high = LaneMask(columns - 16);
        StoreMasked(c00, c, low, beta);
        StoreMasked(c01, c + 16, high, beta);
        if (rows == 1)
        {
            return;
        }

        c += ldc;
        StoreMasked(c10, c, low, beta);
        StoreMasked(c11, c + 16, high, beta);
        if (rows == 2)
        {
            return;
        }

        c += ldc;
        StoreMasked(c20, c, low, beta);
        StoreMasked(c21, c + 16, high, beta);
        if (rows == 3)
        {
            return;
        }

        c += ldc;
        StoreMasked(c30, c, low, beta);
        StoreMasked(c31, c + 16, high, beta);
        if (rows == 4)
        {
            return;
        }

        c += ldc;
        StoreMasked(c40, c, low, beta);
        StoreMasked(c41, c + 16, high, beta);
        if (rows == 5)
        {
            return;
        }

        c += ldc;
        StoreMasked(c50, c, low, beta);
        StoreMasked(c51, c + 16, high, beta);
        if (rows == 6)
        {
            return;
        }

        c += ldc;
        StoreMasked(c60, c, low, beta);
        StoreMasked(c61, c + 16, high, beta);
        if (rows == 7)
        {
            return;
        }

        c += ldc;
        StoreMasked(c70, c, low, beta);
        StoreMasked(c71, c + 16, high, beta);
    }

    /// <summary>
    /// The 16-wide sibling of <see cref="Kernel8x32"/> for the last columns of C, so a width such
    /// as 10 or 784 (24 x 32 + 16) does not pay for a half-empty 32-wide panel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Kernel8x16(
        float* a, nint rowStride, nint depthStride, float* b, nint bStride, int depth, float* c, nint ldc, float beta, int rows, int columns)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        float* a0 = a;
        float* a4 = a + (4 * rowStride);
        nint rs2 = 2 * rowStride;
        nint rs3 = 3 * rowStride;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector512.Load(b);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[0]), b0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[rowStride]), b0, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[rs2]), b0, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[rs3]), b0, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[0]), b0, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[rowStride]), b0, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[rs2]), b0, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[rs3]), b0, c7);
            a0 += depthStride;
            a4 += depthStride;
            b += bStride;
        }

        var mask = LaneMask(columns);
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
    private static unsafe void Store(Vector512<float> sum, float* c, float beta)
    {
        if (beta == 0f)
        {
            sum.Store(c);
        }
        else if (beta == 1f)
        {
            (sum + Vector512.Load(c)).Store(c);
        }
        else
        {
            Vector512.FusedMultiplyAdd(Vector512.Load(c), Vector512.Create(beta), sum).Store(c);
        }
    }

    /// <summary>All lanes below <paramref name="count"/> set; none when it is zero or less.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LaneMask(int count) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count)).AsSingle();

    /// <summary>Masked lanes are neither read nor written, so the tile may end exactly at C's last float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreMasked(Vector512<float> sum, float* c, Vector512<float> mask, float beta)
    {
        if (beta != 0f)
        {
            sum = Vector512.FusedMultiplyAdd(Avx512F.MaskLoad(c, mask, Vector512<float>.Zero), Vector512.Create(beta), sum);
        }

        Avx512F.MaskStore(c, mask, sum);
    }
}
