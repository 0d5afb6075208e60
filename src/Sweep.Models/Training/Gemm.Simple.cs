using System.Runtime.CompilerServices;

namespace Sweep.Models.Training;

public static partial class Gemm
{
    /// <summary>
    /// Straight loops for products too small to pay for packing, and for machines without
    /// 256-bit vectors. Each element is one dot product, so any transpose costs only strides.
    /// </summary>
    private static void MultiplySimple(
        bool transposeA,
        bool transposeB,
        int m,
        int n,
        int k,
        ref float a,
        int lda,
        ref float b,
        int ldb,
        ref float c,
        int ldc,
        float beta)
    {
        nint aRow = transposeA ? 1 : lda;
        nint aStep = transposeA ? lda : 1;
        nint bColumn = transposeB ? ldb : 1;
        nint bStep = transposeB ? 1 : ldb;
        for (int i = 0; i < m; i++)
        {
            ref float cRow = ref Unsafe.Add(ref c, (nint)i * ldc);
            for (int j = 0; j < n; j++)
            {
                nint at = i * aRow;
                nint bt = j * bColumn;
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    sum += Unsafe.Add(ref a, at) * Unsafe.Add(ref b, bt);
                    at += aStep;
                    bt += bStep;
                }

                ref float target = ref Unsafe.Add(ref cRow, j);
                target = beta == 0f ? sum : sum + (beta * target);
            }
        }
    }
}
