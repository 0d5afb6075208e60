using System.Runtime.InteropServices;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public sealed class ParallelGemmTests
{
    /// <summary>
    /// m, n, k: the autoencoder's and classifier's products at batch 256, rows that leave a ragged last tile,
    /// depths split into several blocks, widths past one column block, and products just big enough to split.
    /// </summary>
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 256, 784, 32 }, { 256, 32, 784 }, { 32, 784, 256 }, { 784, 32, 256 },
        { 256, 128, 784 }, { 128, 784, 256 }, { 17, 530, 300 }, { 41, 1030, 40 },
        { 100, 100, 1100 }, { 64, 600, 600 }, { 1000, 20, 60 }, { 24, 300, 160 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_thread_count_gives_the_bits_of_one_thread_in_every_orientation(int m, int n, int k)
    {
        foreach (var (transposeA, transposeB) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            foreach (var beta in new[] { 0f, 1f })
            {
                var expected = Product(1, transposeA, transposeB, m, n, k, beta);
                for (var threads = 2; threads <= 4; threads++)
                {
                    Assert.Equal(expected, Product(threads, transposeA, transposeB, m, n, k, beta));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_shape_splits_into_several_row_blocks(int m, int n, int k) =>
        Assert.True(ParallelGemm.Blocks(4, m, n, k) >= 2, $"{m}x{n}x{k} stays on one thread");

    [Theory]
    [InlineData(1, 784, 32)]
    [InlineData(1, 32, 784)]
    [InlineData(7, 2000, 2000)]
    [InlineData(64, 8, 8)]
    [InlineData(256, 3, 2)]
    public void A_single_row_a_single_tile_or_a_small_product_stays_on_one_thread(int m, int n, int k) =>
        Assert.Equal(1, ParallelGemm.Blocks(4, m, n, k));

    [Theory]
    [InlineData(2, 16)]
    [InlineData(4, 17)]
    [InlineData(4, 33)]
    [InlineData(3, 800)]
    public void Row_blocks_are_whole_tiles_that_cover_every_row_once(int threads, int m)
    {
        var blocks = ParallelGemm.Blocks(threads, m, 1000, 1000);
        var starts = Enumerable.Range(0, blocks + 1).Select(b => ParallelGemm.FirstRow(b, blocks, m)).ToList();

        Assert.Equal(0, starts[0]);
        Assert.Equal(m, starts[^1]);
        Assert.All(starts.SkipLast(1), s => Assert.Equal(0, s % 8));
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 8, $"{pair.First}..{pair.Second}"));
    }

    [Fact]
    public void Storage_too_short_for_a_helpers_block_is_rejected_on_the_callers_thread()
    {
        var a = new float[256 * 784];
        var b = new float[784 * 32];
        var c = new float[(256 * 32) - 1];

        var error = Assert.Throws<ArgumentException>(() =>
            ParallelGemm.Multiply(2, false, false, 256, 32, 784, a, 784, b, 32, c, 32));

        Assert.Equal("c", error.ParamName);
    }

    private static int[] Product(int threads, bool transposeA, bool transposeB, int m, int n, int k, float beta)
    {
        var random = new Random((m * 31) + (n * 7) + k);
        var a = Build.Uniform(random, m * k);
        var b = Build.Uniform(random, k * n);
        var c = Build.Uniform(random, m * n);
        ParallelGemm.Multiply(
            threads, transposeA, transposeB, m, n, k,
            a, transposeA ? m : k, b, transposeB ? k : n, c, n, beta);
        return MemoryMarshal.Cast<float, int>(c).ToArray();
    }
}
