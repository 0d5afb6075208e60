using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sweep.Models.Training;

public static partial class Gemm
{
    /// <summary>Rows of C per micro-tile: eight broadcasts of A feed each step of the kernel.</summary>
    private const int TileRows = 8;

    /// <summary>
    /// Deepest block. Every band re-reads the current panel (at most 32 x 1024 floats, 128 KB)
    /// from L1 or L2, at 16 bytes a cycle, well within L2's bandwidth; deeper blocks mean fewer
    /// read-modify-write passes over C.
    /// </summary>
    private const int MaxBlockDepth = 1024;

    /// <summary>
    /// Floats of packed B per block (512 KB), which stay in L2 while the bands of A pass each panel.
    /// Narrow products get the whole depth in one block, so C is written once instead of
    /// re-read per block.
    /// </summary>
    private const int BlockFloats = 128 * 1024;

    /// <summary>Most columns per packed block; wider products split into column blocks.</summary>
    private const int BlockColumns = 512;

    /// <summary>Floats per cache line, the alignment of every scratch region.</summary>
    private const int LineFloats = 16;

    /// <summary>
    /// Packing buffers of this thread, pinned so the kernels can hold raw pointers into them.
    /// Only grows, so a training loop allocates once during its first step.
    /// </summary>
    [ThreadStatic]
    private static float[]? t_scratch;

    // Kept out of Multiply so the tiny products do not pay for this method's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void MultiplyBlocked(
        bool transposeA, bool transposeB, int m, int n, int k, float* a, int lda, float* b, int ldb, float* c, int ldc, float beta)
    {
        int panelWidth = UseVector512 ? 32 : 8;
        int maxColumns = Math.Min(RoundUp(n, panelWidth), BlockColumns);
        int depthLimit = Math.Min(MaxBlockDepth, BlockFloats / maxColumns);

        // Equal blocks: 784 = 4 x 196 rather than 3 x 256 + 16, whose last pass over C would do little work.
        int depthBlocks = (k + depthLimit - 1) / depthLimit;
        int blockDepth = (k + depthBlocks - 1) / depthBlocks;
        int maxDepth = Math.Min(k, blockDepth);
        int packedBFloats = RoundUp(maxDepth * maxColumns, LineFloats);
        int edgeAFloats = RoundUp(maxDepth * TileRows, LineFloats);
        float* packedB = Scratch(packedBFloats + edgeAFloats);
        float* edgeA = packedB + packedBFloats;

        // A is read in place: a transposed A only swaps which stride walks rows and which walks depth.
        nint aRow = transposeA ? 1 : lda;
        nint aStep = transposeA ? lda : 1;

        for (int jc = 0; jc < n; jc += BlockColumns)
        {
            int columns = Math.Min(BlockColumns, n - jc);
            for (int pc = 0; pc < k; pc += blockDepth)
            {
                int depth = Math.Min(blockDepth, k - pc);
                float blockBeta = pc == 0 ? beta : 1f;
                PackB(transposeB, b, ldb, pc, jc, depth, columns, panelWidth, packedB);
                int fullRows = m & ~(TileRows - 1);
                if (fullRows < m)
                {
                    PackEdgeA(a + (fullRows * aRow) + (pc * aStep), aRow, aStep, m - fullRows, depth, edgeA);
                }

                for (int jr = 0; jr < columns; jr += panelWidth)
                {
                    int panelColumns = Math.Min(panelWidth, columns - jr);
                    int width = PackedWidth(panelWidth, panelColumns);

                    // Whole panels of an untransposed B are already rows of floats: read them where they lie.
                    bool inPlace = !transposeB && panelColumns == width;
                    float* panel = inPlace ? b + ((nint)pc * ldb) + jc + jr : packedB + ((nint)jr * depth);
                    nint panelStride = inPlace ? ldb : width;
                    for (int ic = 0; ic < m; ic += TileRows)
                    {
                        int rows = Math.Min(TileRows, m - ic);
                        bool edge = rows < TileRows;
                        float* aTile = edge ? edgeA : a + (ic * aRow) + (pc * aStep);
                        nint rowStride = edge ? 1 : aRow;
                        nint depthStride = edge ? TileRows : aStep;
                        float* cTile = c + ((nint)ic * ldc) + jc + jr;
                        if (width == 32)
                        {
                            Kernel8x32(aTile, rowStride, depthStride, panel, panelStride, depth, cTile, ldc, blockBeta, rows, panelColumns);
                        }
                        else if (width == 16)
                        {
                            Kernel8x16(aTile, rowStride, depthStride, panel, panelStride, depth, cTile, ldc, blockBeta, rows, panelColumns);
                        }
                        else
                        {
                            Kernel8x8(aTile, rowStride, depthStride, panel, panelStride, depth, cTile, ldc, blockBeta, rows, panelColumns);
                        }
                    }
                }
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>
    /// A last panel of at most 16 columns on the 32-wide path is packed 16 wide so the narrow
    /// kernel wastes less.
    /// </summary>
    private static int PackedWidth(int panelWidth, int panelColumns) =>
        panelWidth == 32 && panelColumns <= 16 ? 16 : panelWidth;

    private static unsafe float* Scratch(int floats)
    {
        var buffer = t_scratch;
        if (buffer is null || buffer.Length < floats + LineFloats)
        {
            buffer = GC.AllocateUninitializedArray<float>(floats + LineFloats, pinned: true);
            t_scratch = buffer;
        }

        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)((start + 63) & ~(nint)63);
    }
}
