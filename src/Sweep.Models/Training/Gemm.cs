using System.Numerics.Tensors;

namespace Sweep.Models.Training;

/// <summary>
/// Row-major single-precision matrix multiply: <c>C = op(A)·op(B) + beta·C</c>, where op transposes when
/// asked. <c>op(A)</c> is m × k, <c>op(B)</c> k × n and C m × n; lda, ldb and ldc are the row strides of
/// the matrices as stored. A beta of 0 overwrites C, so C may hold garbage (even NaN) on entry.
/// </summary>
public static class Gemm
{
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, float beta = 0f)
    {
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == 0f)
            {
                row.Clear();
            }
            else if (beta != 1f)
            {
                TensorPrimitives.Multiply(row, beta, row);
            }
        }

        if (k == 0)
        {
            return;
        }

        // Each case walks the operands along their stored rows so the inner work is a contiguous span.
        switch (transposeA, transposeB)
        {
            case (false, false):
                for (var i = 0; i < m; i++)
                {
                    var row = c.Slice(i * ldc, n);
                    for (var p = 0; p < k; p++)
                    {
                        TensorPrimitives.MultiplyAdd(b.Slice(p * ldb, n), a[(i * lda) + p], row, row);
                    }
                }

                break;
            case (false, true):
                for (var i = 0; i < m; i++)
                {
                    var aRow = a.Slice(i * lda, k);
                    for (var j = 0; j < n; j++)
                    {
                        c[(i * ldc) + j] += TensorPrimitives.Dot(aRow, b.Slice(j * ldb, k));
                    }
                }

                break;
            case (true, false):
                for (var p = 0; p < k; p++)
                {
                    var bRow = b.Slice(p * ldb, n);
                    for (var i = 0; i < m; i++)
                    {
                        var row = c.Slice(i * ldc, n);
                        TensorPrimitives.MultiplyAdd(bRow, a[(p * lda) + i], row, row);
                    }
                }

                break;
            default:
                for (var i = 0; i < m; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var sum = 0f;
                        for (var p = 0; p < k; p++)
                        {
                            sum += a[(p * lda) + i] * b[(j * ldb) + p];
                        }

                        c[(i * ldc) + j] += sum;
                    }
                }

                break;
        }
    }
}
