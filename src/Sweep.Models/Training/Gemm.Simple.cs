namespace Sweep.Models.Training;

public static partial class Gemm
{
    /// <summary>
    /// Straight loops for products too small to pay for packing, and for machines without
    /// 256-bit vectors. Each element is one dot product, so any transpose costs only strides.
    /// </summary>
    private static unsafe void MultiplySimple(
        bool transposeA, bool transposeB, int m, int n, int k, float* a, int lda, float* b, int ldb, float* c, int ldc, float beta)
    {
        nint aRow = transposeA ? 1 : lda;
        nint aStep = transposeA ? lda : 1;
        nint bColumn = transposeB ? ldb : 1;
        nint bStep = transposeB ? 1 : ldb;
        for (int i = 0; i < m; i++)
        {
            float* aRowStart = a + (i * aRow);
            float* cRow = c + ((nint)i * ldc);
            for (int j = 0; j < n; j++)
            {
                float* pa = aRowStart;
                float* pb = b + (j * bColumn);
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    sum += *pa * *pb;
                    pa += aStep;
                    pb += bStep;
                }

                cRow[j] = beta == 0f ? sum : sum + (beta * cRow[j]);
            }
        }
    }
}
