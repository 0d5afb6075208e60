using System.Globalization;
using System.Text;
using Sweep.Storage.Sqlite;

namespace Sweep.Storage.Tests;

/// <summary>The numbers packed epochs are written with: every finite double reads back as itself.</summary>
public sealed class RoundTripJsonNumberTests
{
    [Theory]
    [InlineData(0.5, "5e-1")]
    [InlineData(1.0, "1e0")]
    [InlineData(-3.0, "-3e0")]
    [InlineData(0.0, "0.0")]
    [InlineData(0.25, "25e-2")]
    [InlineData(0.001, "1e-3")]
    [InlineData(5e-7, "5e-7")]
    [InlineData(-0.0350777, "-350777e-7")]
    [InlineData(123456789012345.0, "123456789012345e0")]
    [InlineData(1e22, "1e22")]
    public void Numbers_with_few_digits_are_written_short(double value, string expected) =>
        Assert.Equal(expected, Text(value));

    [Theory]
    [InlineData(0.1 + 0.2, "300000000000000044e-18")]
    [InlineData(1.0 / 3, "333333333333333314e-18")]
    [InlineData(46.552016258239746, "46552016258239746e-15")]
    public void Numbers_that_need_more_than_15_digits_keep_them(double value, string expected) =>
        Assert.Equal(expected, Text(value));

    [Fact]
    public void Short_decimals_read_back_as_themselves()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var value = random.NextInt64(1, 1L << 53) / Math.Pow(10, random.Next(0, 23));
            var tiny = value * 1e-300;
            Assert.Equal(value, ReadBack(value));
            Assert.Equal(tiny, ReadBack(tiny));
        }
    }

    [Fact]
    public void Every_decimal_of_up_to_15_digits_is_written_with_at_most_15()
    {
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var value = random.NextInt64(1, 1_000_000_000_000_000) / Math.Pow(10, random.Next(0, 23));
            var text = Text(value);
            Assert.True(text.IndexOf('e', StringComparison.Ordinal) <= 15, $"{value:R} was written {text}");
        }
    }

    [Fact]
    public void Awkward_doubles_read_back_as_themselves()
    {
        double[] values =
        [
            0.1, 0.1 + 0.2, 1.0 / 3, double.MaxValue, -double.MaxValue, double.Epsilon, 2.2250738585072014E-308,
            2.2250738585072009E-308, 4.9406564584124654E-324 * 3, 9007199254740993, 1e23, 5e-324, 123456789012345678,
        ];

        Assert.All(values.Concat(Enumerable.Range(-323, 632).Select(p => Math.Pow(10, p))), v => Assert.Equal(v, ReadBack(v)));
        Assert.True(double.IsNegative(ReadBack(-0.0)));
    }

    [Fact]
    public void A_million_random_bit_patterns_read_back_as_themselves()
    {
        var random = new Random(16);
        var failures = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value) && BitConverter.DoubleToInt64Bits(ReadBack(value)) != BitConverter.DoubleToInt64Bits(value))
            {
                failures++;
            }
        }

        Assert.Equal(0, failures);
    }

    private static string Text(double value)
    {
        var buffer = new byte[RoundTripJsonNumber.MaxLength];
        return Encoding.ASCII.GetString(buffer, 0, RoundTripJsonNumber.Write(value, buffer));
    }

    private static double ReadBack(double value) => double.Parse(Text(value), CultureInfo.InvariantCulture);
}
