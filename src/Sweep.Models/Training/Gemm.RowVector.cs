using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sweep.Models.Training;

public static partial class Gemm
{
    /// <summary>
    /// Batch-1 SGD multiplies one row of A by a whole layer. The 8-row kernels would waste seven
    /// rows of every tile there, so this path streams B once against the single row, which must be contiguous.
    /// </summary>
    private static unsafe void MultiplyRowVector(bool transposeB, int n, int k, float* a, float* b, int ldb, float* c, float beta)
    {
        if (transposeB)
        {
            // Each column of op(B) is a row of the stored B: four dot products share each load of a.
            int j = 0;
            for (; j + 4 <= n; j += 4)
            {
                DotFour(a, b + ((nint)j * ldb), ldb, k, c + j, beta);
            }

            for (; j < n; j++)
            {
                float dot = TensorPrimitives.Dot(new ReadOnlySpan<float>(a, k), new ReadOnlySpan<float>(b + ((nint)j * ldb), k));
                c[j] = beta == 0f ? dot : dot + (beta * c[j]);
            }
        }
        else
        {
            for (int j = 0; j < n; j += 64)
            {
                AxpyColumns(a, b + j, ldb, k, c + j, Math.Min(64, n - j), beta);
            }
        }
    }

    private static unsafe void DotFour(float* a, float* b, nint ldb, int k, float* c, float beta)
    {
        Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
        float* b1 = b + ldb;
        float* b2 = b + (2 * ldb);
        float* b3 = b + (3 * ldb);
        int p = 0;
        for (; p + 16 <= k; p += 16)
        {
            var x = Vector512.Load(a + p);
            s0 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b + p), s0);
            s1 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b1 + p), s1);
            s2 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b2 + p), s2);
            s3 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b3 + p), s3);
        }

        if (p < k)
        {
            var mask = LaneMask(k - p);
            var x = Avx512F.MaskLoad(a + p, mask, Vector512<float>.Zero);
            s0 = Vector512.FusedMultiplyAdd(x, Avx512F.MaskLoad(b + p, mask, Vector512<float>.Zero), s0);
            s1 = Vector512.FusedMultiplyAdd(x, Avx512F.MaskLoad(b1 + p, mask, Vector512<float>.Zero), s1);
            s2 = Vector512.FusedMultiplyAdd(x, Avx512F.MaskLoad(b2 + p, mask, Vector512<float>.Zero), s2);
            s3 = Vector512.FusedMultiplyAdd(x, Avx512F.MaskLoad(b3 + p, mask, Vector512<float>.Zero), s3);
        }

        var sums = Vector128.Create(Vector512.Sum(s0), Vector512.Sum(s1), Vector512.Sum(s2), Vector512.Sum(s3));
        if (beta != 0f)
        {
            sums += Vector128.Load(c) * beta;
        }

        sums.Store(c);
    }

    /// <summary>Up to 64 columns of C = a * B, adding one row of B per step of the depth.</summary>
    private static unsafe void AxpyColumns(float* a, float* b, nint ldb, int k, float* c, int columns, float beta)
    {
        Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
        var m0 = LaneMask(columns);
        var m1 = LaneMask(columns - 16);
        var m2 = LaneMask(columns - 32);
        var m3 = LaneMask(columns - 48);
        for (int p = 0; p < k; p++)
        {
            var x = Vector512.Create(a[p]);
            float* row = b + (p * ldb);
            s0 = Vector512.FusedMultiplyAdd(x, Avx512F.MaskLoad(row, m0, Vector512<float>.Zero), s0);
            s1 = Vector512.FusedMultiplyAdd(x, Avx512F.MaskLoad(row + 16, m1, Vector512<float>.Zero), s1);
            s2 = Vector512.FusedMultiplyAdd(x, Avx512F.MaskLoad(row + 32, m2, Vector512<float>.Zero), s2);
            s3 = Vector512.FusedMultiplyAdd(x, Avx512F.MaskLoad(row + 48, m3, Vector512<float>.Zero), s3);
        }

        StoreMasked(s0, c, m0, beta);
        StoreMasked(s1, c + 16, m1, beta);
        StoreMasked(s2, c + 32, m2, beta);
        StoreMasked(s3, c + 48, m3, beta);
    }
}
