using System.Runtime.Intrinsics.X86;

namespace Sweep.Models.Training;

public static partial class Gemm
{
    /// <summary>
    /// Copies a depth x columns block of op(B) into panels of <paramref name="panelWidth"/> columns,
    /// each stored depth-major so the kernel reads it as one forward stream. An untransposed B
    /// only needs its last, partial panel padded; the kernel reads the others in place.
    /// </summary>
    private static unsafe void PackB(
        bool transposeB, float* b, int ldb, int pc, int jc, int depth, int columns, int panelWidth, float* packed)
    {
        for (int jr = 0; jr < columns; jr += panelWidth)
        {
            int panelColumns = Math.Min(panelWidth, columns - jr);
            int width = PackedWidth(panelWidth, panelColumns);
            float* dst = packed + ((nint)jr * depth);
            if (transposeB)
            {
                PackTransposedPanel(b + ((nint)(jc + jr) * ldb) + pc, ldb, depth, panelColumns, width, dst);
            }
            else if (panelColumns < width)
            {
                float* src = b + ((nint)pc * ldb) + jc + jr;
                for (int p = 0; p < depth; p++)
                {
                    var to = new Span<float>(dst + ((nint)p * width), width);
                    new ReadOnlySpan<float>(src + ((nint)p * ldb), panelColumns).CopyTo(to);
                    to[panelColumns..].Clear();
                }
            }
        }
    }

    /// <summary>
    /// Packs a panel whose columns are rows of the stored B. Whole 8 x 8 blocks go through
    /// register transposes, since a scalar gather here costs as much as the forward pass's FMAs.
    /// </summary>
    private static unsafe void PackTransposedPanel(float* src, int ldb, int depth, int panelColumns, int width, float* dst)
    {
        int blockedColumns = Avx.IsSupported ? panelColumns & ~7 : 0;
        int blockedDepth = depth & ~7;

        // Depth outermost: each pass fills whole packed rows (whole cache lines) before moving on, where
        // column blocks outermost would write 32-byte pieces of lines scattered over the whole panel.
        for (int p = 0; p < blockedDepth; p += 8)
        {
            for (int j = 0; j < blockedColumns; j += 8)
            {
                Transpose8x8(src + ((nint)j * ldb) + p, ldb, dst + ((nint)p * width) + j, width);
            }
        }

        for (int j = 0; j < blockedColumns; j += 8)
        {
            float* rows = src + ((nint)j * ldb);
            for (int p = blockedDepth; p < depth; p++)
            {
                for (int jj = 0; jj < 8; jj++)
                {
                    dst[((nint)p * width) + j + jj] = rows[((nint)jj * ldb) + p];
                }
            }
        }

        for (int j = blockedColumns; j < width; j++)
        {
            float* column = src + ((nint)j * ldb);
            for (int p = 0; p < depth; p++)
            {
                dst[((nint)p * width) + j] = j < panelColumns ? column[p] : 0f;
            }
        }
    }

    private static unsafe void Transpose8x8(float* src, nint srcStride, float* dst, nint dstStride)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + srcStride);
        var r2 = Avx.LoadVector256(src + (2 * srcStride));
        var r3 = Avx.LoadVector256(src + (3 * srcStride));
        var r4 = Avx.LoadVector256(src + (4 * srcStride));
        var r5 = Avx.LoadVector256(src + (5 * srcStride));
        var r6 = Avx.LoadVector256(src + (6 * srcStride));
        var r7 = Avx.LoadVector256(src + (7 * srcStride));

        // Interleave pairs of rows, then pairs of pairs, then swap 128-bit halves across.
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var s0 = Avx.Shuffle(t0, t2, 0x44);
        var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44);
        var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44);
        var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44);
        var s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(s0, s4, 0x20));
        Avx.Store(dst + dstStride, Avx.Permute2x128(s1, s5, 0x20));
        Avx.Store(dst + (2 * dstStride), Avx.Permute2x128(s2, s6, 0x20));
        Avx.Store(dst + (3 * dstStride), Avx.Permute2x128(s3, s7, 0x20));
        Avx.Store(dst + (4 * dstStride), Avx.Permute2x128(s0, s4, 0x31));
        Avx.Store(dst + (5 * dstStride), Avx.Permute2x128(s1, s5, 0x31));
        Avx.Store(dst + (6 * dstStride), Avx.Permute2x128(s2, s6, 0x31));
        Avx.Store(dst + (7 * dstStride), Avx.Permute2x128(s3, s7, 0x31));
    }

    /// <summary>
    /// Copies the last, short band of A rows into a zero-padded 8-row tile so the kernel can
    /// always read eight rows without running past the caller's storage.
    /// </summary>
    private static unsafe void PackEdgeA(float* a, nint rowStride, nint depthStride, int rows, int depth, float* packed)
    {
        for (int p = 0; p < depth; p++)
        {
            float* dst = packed + ((nint)p * TileRows);
            float* src = a + (p * depthStride);
            for (int i = 0; i < TileRows; i++)
            {
                dst[i] = i < rows ? src[i * rowStride] : 0f;
            }
        }
    }
}
