using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
        float* a, nint rowStride, nint depthStride, float* b, nint bStride, int depth, float* c, nint ldc, float beta, int rows, int columns, float* tile)
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

        // A short tile goes through the staging buffer so no store runs past C's last row or column.
        bool direct = rows == TileRows && columns == 32;
        float* dst = direct ? c : tile;
        nint ld = direct ? ldc : 32;
        float dstBeta = direct ? beta : 0f;
        Store(c00, dst, dstBeta);
        Store(c01, dst + 16, dstBeta);
        Store(c10, dst + ld, dstBeta);
        Store(c11, dst + ld + 16, dstBeta);
        dst += 2 * ld;
        Store(c20, dst, dstBeta);
        Store(c21, dst + 16, dstBeta);
        Store(c30, dst + ld, dstBeta);
        Store(c31, dst + ld + 16, dstBeta);
        dst += 2 * ld;
        Store(c40, dst, dstBeta);
        Store(c41, dst + 16, dstBeta);
        Store(c50, dst + ld, dstBeta);
        Store(c51, dst + ld + 16, dstBeta);
        dst += 2 * ld;
        Store(c60, dst, dstBeta);
        Store(c61, dst + 16, dstBeta);
        Store(c70, dst + ld, dstBeta);
        Store(c71, dst + ld + 16, dstBeta);
        if (!direct)
        {
            StoreEdge(tile, 32, c, ldc, rows, columns, beta);
        }
    }

    /// <summary>
    /// The 16-wide sibling of <see cref="Kernel8x32"/> for the last columns of C, so a width such
    /// as 10 or 784 (24 x 32 + 16) does not pay for a half-empty 32-wide panel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Kernel8x16(
        float* a, nint rowStride, nint depthStride, float* b, nint bStride, int depth, float* c, nint ldc, float beta, int rows, int columns, float* tile)
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

        bool direct = rows == TileRows && columns == 16;
        float* dst = direct ? c : tile;
        nint ld = direct ? ldc : 16;
        float dstBeta = direct ? beta : 0f;
        Store(c0, dst, dstBeta);
        Store(c1, dst + ld, dstBeta);
        Store(c2, dst + (2 * ld), dstBeta);
        Store(c3, dst + (3 * ld), dstBeta);
        dst += 4 * ld;
        Store(c4, dst, dstBeta);
        Store(c5, dst + ld, dstBeta);
        Store(c6, dst + (2 * ld), dstBeta);
        Store(c7, dst + (3 * ld), dstBeta);
        if (!direct)
        {
            StoreEdge(tile, 16, c, ldc, rows, columns, beta);
        }
    }

    /// <summary>
    /// The kernel for machines with 256-bit but not 512-bit vectors: eight ymm accumulators
    /// leave room in the 16 registers for the panel row and the broadcast.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Kernel8x8(
        float* a, nint rowStride, nint depthStride, float* b, nint bStride, int depth, float* c, nint ldc, float beta, int rows, int columns, float* tile)
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
            c0 = MultiplyAdd(Vector256.Create(a0[0]), b0, c0);
            c1 = MultiplyAdd(Vector256.Create(a0[rowStride]), b0, c1);
            c2 = MultiplyAdd(Vector256.Create(a0[rs2]), b0, c2);
            c3 = MultiplyAdd(Vector256.Create(a0[rs3]), b0, c3);
            c4 = MultiplyAdd(Vector256.Create(a4[0]), b0, c4);
            c5 = MultiplyAdd(Vector256.Create(a4[rowStride]), b0, c5);
            c6 = MultiplyAdd(Vector256.Create(a4[rs2]), b0, c6);
            c7 = MultiplyAdd(Vector256.Create(a4[rs3]), b0, c7);
            a0 += depthStride;
            a4 += depthStride;
            b += bStride;
        }

        bool direct = rows == TileRows && columns == 8;
        float* dst = direct ? c : tile;
        nint ld = direct ? ldc : 8;
        float dstBeta = direct ? beta : 0f;
        Store(c0, dst, dstBeta);
        Store(c1, dst + ld, dstBeta);
        Store(c2, dst + (2 * ld), dstBeta);
        Store(c3, dst + (3 * ld), dstBeta);
        dst += 4 * ld;
        Store(c4, dst, dstBeta);
        Store(c5, dst + ld, dstBeta);
        Store(c6, dst + (2 * ld), dstBeta);
        Store(c7, dst + (3 * ld), dstBeta);
        if (!direct)
        {
            StoreEdge(tile, 8, c, ldc, rows, columns, beta);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(Vector256<float> sum, float* c, float beta)
    {
        if (beta == 0f)
        {
            sum.Store(c);
        }
        else
        {
            MultiplyAdd(Vector256.Load(c), Vector256.Create(beta), sum).Store(c);
        }
    }

    /// <summary>Fused where the CPU has FMA; Vector256.FusedMultiplyAdd would fall back to slow software otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(Vector256<float> x, Vector256<float> y, Vector256<float> addend) =>
        System.Runtime.Intrinsics.X86.Fma.IsSupported ? Vector256.FusedMultiplyAdd(x, y, addend) : (x * y) + addend;
}
