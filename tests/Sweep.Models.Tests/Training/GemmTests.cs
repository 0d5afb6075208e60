using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public sealed class GemmTests
{
    /// <summary>
    /// m, n, k: the degenerate and tiny cases of batch-1 SGD, primes that leave every block ragged,
    /// depths split into several blocks (wide and narrow), widths past one column block, single rows of A large enough
    /// for the vectorised row path, and the layers we train.
    /// </summary>
    public static TheoryData<int, int, int, int> Sizes()
    {
        var sizes = new (int M, int N, int K)[]
        {
            (1, 1, 1), (4, 1, 1), (2, 3, 1), (3, 1, 2), (1, 7, 5),
            (7, 13, 17), (8, 32, 16), (9, 33, 31), (5, 17, 300), (16, 48, 257),
            (33, 65, 129), (3, 530, 5), (11, 1030, 40), (64, 10, 128),
            (1, 67, 33), (1, 5, 1000), (1, 784, 32), (1, 32, 784), (9, 530, 300), (3, 20, 1100),
            (256, 784, 32), (256, 32, 784), (32, 784, 256), (784, 32, 256),
        };
        var data = new TheoryData<int, int, int, int>();
        foreach (var (m, n, k) in sizes)
        {
            data.Add(m, n, k, 0);
            data.Add(m, n, k, 3);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Plain_product_matches_naive_product_on_ragged_sizes(int m, int n, int k, int padding) =>
        AssertMatchesNaive(false, false, m, n, k, padding);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Transposed_a_matches_naive_product_on_ragged_sizes(int m, int n, int k, int padding) =>
        AssertMatchesNaive(true, false, m, n, k, padding);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Transposed_b_matches_naive_product_on_ragged_sizes(int m, int n, int k, int padding) =>
        AssertMatchesNaive(false, true, m, n, k, padding);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Both_transposed_match_naive_product_on_ragged_sizes(int m, int n, int k, int padding) =>
        AssertMatchesNaive(true, true, m, n, k, padding);

    [Theory]
    [InlineData(3, 5, 4)]
    [InlineData(40, 50, 60)]
    public void Beta_zero_overwrites_nan_in_c(int m, int n, int k)
    {
        var random = new Random(7);
        var a = RandomMatrix(random, m * k);
        var b = RandomMatrix(random, k * n);
        var c = new float[m * n];
        Array.Fill(c, float.NaN);

        Gemm.Multiply(false, false, m, n, k, a, k, b, n, c, n);

        var expected = Naive(false, false, m, n, k, a, k, b, n);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.InRange(c[i], expected[i] - 1e-3, expected[i] + 1e-3);
        }
    }

    [Theory]
    [InlineData(2, 3, 4)]
    [InlineData(17, 40, 300)]
    public void Beta_half_scales_c_before_adding(int m, int n, int k)
    {
        var random = new Random(11);
        var a = RandomMatrix(random, m * k);
        var b = RandomMatrix(random, k * n);
        var c = RandomMatrix(random, m * n);
        var before = (float[])c.Clone();

        Gemm.Multiply(false, true, m, n, k, a, k, b, k, c, n, beta: 0.5f);

        var product = Naive(false, true, m, n, k, a, k, b, k);
        for (int i = 0; i < c.Length; i++)
        {
            double expected = product[i] + (0.5 * before[i]);
            Assert.InRange(c[i], expected - 1e-3, expected + 1e-3);
        }
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(1f, 2f)]
    public void Zero_depth_clears_c_or_keeps_it(float beta, float expected)
    {
        var c = new[] { 2f, 2f, 2f, 2f, 2f, 2f };

        Gemm.Multiply(false, false, 2, 3, 0, [], 1, [], 3, c, 3, beta);

        Assert.All(c, value => Assert.Equal(expected, value));
    }

    [Fact]
    public void Autoencoder_shapes_allocate_nothing_after_warm_up()
    {
        const int batch = 256, inputs = 784, code = 32;
        var random = new Random(3);
        var x = RandomMatrix(random, batch * inputs);
        var w1 = RandomMatrix(random, code * inputs);
        var w2 = RandomMatrix(random, inputs * code);
        var h = new float[batch * code];
        var y = new float[batch * inputs];
        var dW1 = new float[code * inputs];
        var dW2 = new float[inputs * code];
        void Step()
        {
            Gemm.Multiply(false, true, batch, code, inputs, x, inputs, w1, inputs, h, code);
            Gemm.Multiply(false, true, batch, inputs, code, h, code, w2, code, y, inputs);
            Gemm.Multiply(true, false, inputs, code, batch, y, inputs, h, code, dW2, code);
            Gemm.Multiply(false, false, batch, code, inputs, y, inputs, w2, code, h, code);
            Gemm.Multiply(true, false, code, inputs, batch, h, code, x, inputs, dW1, inputs, beta: 1f);
            Gemm.Multiply(false, false, 1, 1, 1, x, 1, w1, 1, h, 1);
        }

        Step();
        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            Step();
        }

        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
    }

    [Fact]
    public void Too_short_storage_is_rejected_with_the_needed_length()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => Gemm.Multiply(false, false, 2, 2, 3, new float[5], 3, new float[6], 2, new float[4], 2));

        Assert.Contains("need 6", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_stride_shorter_than_a_row_is_rejected()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => Gemm.Multiply(false, false, 2, 2, 3, new float[6], 2, new float[6], 2, new float[4], 2));

        Assert.Equal("lda", exception.ParamName);
    }

    /// <summary>
    /// Runs beta 0 over a C full of NaN and beta 1 over random values, both with row strides
    /// wider than the rows, and checks that the padding between rows of C is never written.
    /// </summary>
    private static void AssertMatchesNaive(bool transposeA, bool transposeB, int m, int n, int k, int padding)
    {
        var random = new Random((m * 131) + (n * 17) + k);
        int aRows = transposeA ? k : m, aColumns = transposeA ? m : k;
        int bRows = transposeB ? n : k, bColumns = transposeB ? k : n;
        int lda = aColumns + padding, ldb = bColumns + padding, ldc = n + padding;
        var a = RandomMatrix(random, (aRows * lda) + padding);
        var b = RandomMatrix(random, (bRows * ldb) + padding);
        var product = Naive(transposeA, transposeB, m, n, k, a, lda, b, ldb);
        var magnitude = NaiveMagnitude(transposeA, transposeB, m, n, k, a, lda, b, ldb);

        foreach (float beta in new[] { 0f, 1f })
        {
            var c = RandomMatrix(random, m * ldc);
            if (beta == 0f)
            {
                for (int i = 0; i < m; i++)
                {
                    Array.Fill(c, float.NaN, i * ldc, n);
                }
            }

            var before = (float[])c.Clone();

            Gemm.Multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, beta);

            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < ldc; j++)
                {
                    int at = (i * ldc) + j;
                    if (j >= n)
                    {
                        Assert.Equal(before[at], c[at]);
                        continue;
                    }

                    double kept = beta == 0f ? 0 : before[at];
                    double expected = product[(i * n) + j] + kept;
                    double tolerance = 1e-5 * (1 + magnitude[(i * n) + j] + Math.Abs(kept));
                    Assert.True(
                        Math.Abs(c[at] - expected) <= tolerance,
                        $"C[{i},{j}] is {c[at]}, expected {expected} within {tolerance} (beta {beta}).");
                }
            }
        }
    }

    private static float[] RandomMatrix(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    private static double[] Naive(bool transposeA, bool transposeB, int m, int n, int k, float[] a, int lda, float[] b, int ldb) =>
        Accumulate(transposeA, transposeB, m, n, k, a, lda, b, ldb, (x, y) => (double)x * y);

    /// <summary>The sum of |a * b| over each dot product: what rounding error scales with.</summary>
    private static double[] NaiveMagnitude(bool transposeA, bool transposeB, int m, int n, int k, float[] a, int lda, float[] b, int ldb) =>
        Accumulate(transposeA, transposeB, m, n, k, a, lda, b, ldb, (x, y) => Math.Abs((double)x * y));

    private static double[] Accumulate(
        bool transposeA, bool transposeB, int m, int n, int k, float[] a, int lda, float[] b, int ldb, Func<float, float, double> term)
    {
        var result = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float x = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                    float y = transposeB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += term(x, y);
                }

                result[(i * n) + j] = sum;
            }
        }

        return result;
    }
}
