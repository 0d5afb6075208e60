using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sweep.Models.Training;

public static partial class Gemm
{
    /// <summary>Rows of C per micro-tile: eight broadcasts of A feed each step of the kernel.</summary>
    private const int TileRows = 8;

    /// <summary>
    /// Depth of one packed block: a 32-wide panel of it (32 KB) stays in L1 next to the eight
    /// rows of A it meets.
    /// </summary>
    private const int BlockDepth = 256;

    /// <summary>Columns per packed block: 256 x 512 floats (512 KB) stay in L2 while A streams past.</summary>
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
        int maxDepth = Math.Min(k, BlockDepth);
        int maxColumns = Math.Min(RoundUp(n, panelWidth), BlockColumns);
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
            for (int pc = 0; pc < k; pc += BlockDepth)
            {
                int depth = Math.Min(BlockDepth, k - pc);
                float blockBeta = pc == 0 ? beta : 1f;
                PackB(transposeB, b, ldb, pc, jc, depth, columns, panelWidth, packedB);
                for (int ic = 0; ic < m; ic += TileRows)
                {
                    int rows = Math.Min(TileRows, m - ic);
                    float* aTile = a + (ic * aRow) + (pc * aStep);
                    nint rowStride = aRow;
                    nint depthStride = aStep;
                    if (rows < TileRows)
                    {
                        PackEdgeA(aTile, aRow, aStep, rows, depth, edgeA);
                        aTile = edgeA;
                        rowStride = 1;
                        depthStride = TileRows;
                    }

                    float* cRow = c + ((nint)ic * ldc) + jc;
                    for (int jr = 0; jr < columns; jr += panelWidth)
                    {
                        int panelColumns = Math.Min(panelWidth, columns - jr);
                        int width = PackedWidth(panelWidth, panelColumns);

                        // Whole panels of an untransposed B are already rows of floats: read them where they lie.
                        bool inPlace = !transposeB && panelColumns == width;
                        float* panel = inPlace ? b + ((nint)pc * ldb) + jc + jr : packedB + ((nint)jr * depth);
                        nint panelStride = inPlace ? ldb : width;
                        float* cTile = cRow + jr;
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
