namespace Sweep.Models.Training;

/// <summary>
/// <see cref="Gemm.Multiply"/> over several threads: the rows of C are cut into blocks and each thread
/// multiplies its block with the single-threaded product, so a trial with idle cores beside it finishes
/// sooner. The result has the same bits whatever the thread count.
/// </summary>
/// <remarks>
/// The single-threaded product computes each element of C from its row of op(A) and its column of op(B)
/// alone, in an order set by n and k and by which path the product's size takes. Cutting rows keeps n and
/// k; every block is whole 8-row tiles (the last takes the leftover rows) of at least
/// <see cref="MinBlockMultiplyAdds"/>, so no block falls to the path for tiny products or for a single row.
/// </remarks>
public static class ParallelGemm
{
    /// <summary>Rows per block are a multiple of this: the row tile of the blocked kernels.</summary>
    private const int BlockRows = 8;

    /// <summary>
    /// The least work worth handing to another thread: waking a helper takes microseconds, and this many
    /// multiply-adds take about ten. Far above the size where the product changes path.
    /// </summary>
    private const long MinBlockMultiplyAdds = 1L << 19;

    /// <summary>Computes <c>C = op(A) * op(B) + beta * C</c> as <see cref="Gemm.Multiply"/> does, on up to <paramref name="threads"/> threads.</summary>
    /// <param name="threads">The most threads to use, the calling one among them.</param>
    public static unsafe void Multiply(
        int threads,
        bool transposeA,
        bool transposeB,
        int m,
        int n,
        int k,
        ReadOnlySpan<float> a,
        int lda,
        ReadOnlySpan<float> b,
        int ldb,
        Span<float> c,
        int ldc,
        float beta = 0f)
    {
        var blocks = Blocks(threads, m, n, k);
        if (blocks <= 1)
        {
            Gemm.Multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, beta);
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var product = new RowBlockProduct(
                transposeA, transposeB, m, n, k,
                pa, a.Length, lda, pb, b.Length, ldb, pc, c.Length, ldc, beta, blocks);
            ProductCrew.ForThisThread.Run(product);
        }
    }

    /// <summary>How many row blocks a product of this shape is cut into on <paramref name="threads"/> threads.</summary>
    internal static int Blocks(int threads, int m, int n, int k)
    {
        var byRows = m / BlockRows;
        var byWork = (long)m * n * k / MinBlockMultiplyAdds;
        return (int)Math.Max(1, Math.Min(threads, Math.Min(byRows, byWork)));
    }

    /// <summary>The first row of <paramref name="block"/> of <paramref name="blocks"/>: whole tiles, spread evenly.</summary>
    internal static int FirstRow(int block, int blocks, int m)
    {
        var tiles = m / BlockRows;
        return block == blocks ? m : (int)((long)tiles * block / blocks) * BlockRows;
    }
}
