using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public class GemmTests
{
    [Theory]
    [InlineData(false, false, 0f)]
    [InlineData(false, true, 0f)]
    [InlineData(true, false, 0f)]
    [InlineData(true, true, 0f)]
    [InlineData(false, false, 0.5f)]
    [InlineData(true, true, 1f)]
    public void Multiply_matches_the_textbook_triple_loop_for_every_transpose_and_beta(bool transposeA, bool transposeB, float beta)
    {
        const int m = 5, n = 7, k = 3, padding = 2;
        var random = new Random(11);
        // Stored shapes: A is m × k or k × m, B is k × n or n × k; every stride has padding to catch stride bugs.
        var (aRows, aColumns) = transposeA ? (k, m) : (m, k);
        var (bRows, bColumns) = transposeB ? (n, k) : (k, n);
        int lda = aColumns + padding, ldb = bColumns + padding, ldc = n + padding;
        var a = Build.Uniform(random, aRows * lda);
        var b = Build.Uniform(random, bRows * ldb);
        var c = Build.Uniform(random, m * ldc);
        var expected = (float[])c.Clone();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var p = 0; p < k; p++)
                {
                    var aValue = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                    var bValue = transposeB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += aValue * bValue;
                }

                expected[(i * ldc) + j] = (float)(sum + (beta * c[(i * ldc) + j]));
            }
        }

        Gemm.Multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, beta);

        for (var i = 0; i < c.Length; i++)
        {
            Assert.Equal(expected[i], c[i], 1e-5f);
        }
    }

    [Fact]
    public void Beta_zero_overwrites_a_result_matrix_full_of_NaN()
    {
        float[] a = [1, 2], b = [3, 4];
        float[] c = [float.NaN];

        Gemm.Multiply(false, true, 1, 1, 2, a, 2, b, 2, c, 1);

        Assert.Equal(11f, c[0]);
    }
}
