using System.Text.Json;
using Sweep.Models.Training;

namespace Sweep.Bench;

/// <summary>The matrix products of the layers we train, one JSON line each.</summary>
internal static class GemmWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Shapes read "m x k x n" (op(A) is m x k, op(B) is k x n), then N or T for A and B.
    /// Autoencoder 784-32-784 and MLP 784-128-10: forward X*W^T, weight gradient dY^T*X,
    /// input gradient dY*W; then batch-1 SGD on the autoencoder and on toy layers.
    /// </summary>
    private static readonly GemmCase[] Cases =
    [
        new(256, 784, 32, false, true),
        new(256, 32, 784, false, true),
        new(784, 256, 32, true, false),
        new(256, 784, 32, false, false),
        new(32, 256, 784, true, false),
        new(256, 32, 784, false, false),
        new(64, 784, 128, false, true),
        new(64, 128, 10, false, true),
        new(10, 64, 128, true, false),
        new(64, 10, 128, false, false),
        new(128, 64, 784, true, false),
        new(64, 128, 784, false, false),
        new(1, 784, 32, false, true),
        new(1, 32, 784, false, true),
        new(784, 1, 32, true, false),
        new(1, 784, 32, false, false),
        new(1, 1, 1, false, true),
        new(4, 1, 1, false, true),
        new(1, 2, 3, false, true),
        new(3, 1, 1, true, false),
        new(1, 3, 1, false, false),
    ];

    /// <param name="threads">More than 1 times <see cref="ParallelGemm"/> on that many threads instead.</param>
    public static int Run(TextWriter output, int threads = 1)
    {
        // The ceiling the products are read against, measured in the same run.
        output.WriteLine(JsonSerializer.Serialize(new PeakResult("fma_peak", Math.Round(FmaPeak.Measure(), 2)), Json));
        var random = new Random(1);
        foreach (var shape in Cases)
        {
            var a = Fill(random, shape.M * shape.K);
            var b = Fill(random, shape.K * shape.N);
            var c = new float[shape.M * shape.N];
            int lda = shape.TransposeA ? shape.M : shape.K;
            int ldb = shape.TransposeB ? shape.K : shape.N;
            var timing = MedianTimer.Measure(count =>
            {
                for (int i = 0; i < count; i++)
                {
                    ParallelGemm.Multiply(threads, shape.TransposeA, shape.TransposeB, shape.M, shape.N, shape.K, a, lda, b, ldb, c, shape.N);
                }
            });
            double flops = 2.0 * shape.M * shape.N * shape.K;
            var result = new GemmResult(
                "gemm", shape.Label, threads, shape.M, shape.N, shape.K, Gflops(flops, timing.MedianSeconds), timing.MedianSeconds, Gflops(flops, timing.MinSeconds));
            output.WriteLine(JsonSerializer.Serialize(result, Json));
        }

        return 0;
    }

    private static double Gflops(double flops, double seconds) => Math.Round(flops / seconds / 1e9, 2);

    private static float[] Fill(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    private readonly record struct GemmCase(int M, int K, int N, bool TransposeA, bool TransposeB)
    {
        public string Label => $"{M}x{K}x{N} {(TransposeA ? 'T' : 'N')}{(TransposeB ? 'T' : 'N')}";
    }

    private sealed record PeakResult(string Workload, double Gflops);

    private sealed record GemmResult(string Workload, string Shape, int Threads, int M, int N, int K, double Gflops, double MedianSeconds, double BestGflops);
}
