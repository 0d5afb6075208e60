namespace Sweep.Models.Training;

/// <summary>
/// One product cut into row blocks, as raw pointers so another thread can take a block: the thread that
/// made it keeps the storage pinned until every block is done.
/// </summary>
internal readonly unsafe struct RowBlockProduct(
    bool transposeA,
    bool transposeB,
    int m,
    int n,
    int k,
    float* a,
    int aLength,
    int lda,
    float* b,
    int bLength,
    int ldb,
    float* c,
    int cLength,
    int ldc,
    float beta,
    int blocks)
{
    public int Blocks => blocks;

    /// <summary>Multiplies the rows of <paramref name="block"/> on the calling thread.</summary>
    public void Run(int block)
    {
        var first = ParallelGemm.FirstRow(block, blocks, m);
        var rows = ParallelGemm.FirstRow(block + 1, blocks, m) - first;

        // Rows of op(A) are rows of A, or columns of A when it is transposed.
        long aStart = transposeA ? first : (long)first * lda;
        long cStart = (long)first * ldc;
        Gemm.Multiply(
            transposeA, transposeB, rows, n, k,
            new ReadOnlySpan<float>(a + aStart, (int)(aLength - aStart)), lda,
            new ReadOnlySpan<float>(b, bLength), ldb,
            new Span<float>(c + cStart, (int)(cLength - cStart)), ldc,
            beta);
    }
}
