using System.Runtime.Intrinsics;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public sealed class FloatFunctionTests
{
    [Fact]
    public void The_vector_log_is_within_three_tenths_of_a_millionth_of_the_double_log_from_1e_minus_37_to_1e38()
    {
        var random = new Random(11);
        var worst = 0.0;
        for (var i = 0; i < 200_000; i++)
        {
            var x = (float)Math.Exp((random.NextDouble() * 172) - 85);
            var exact = Math.Log(x);
            var error = Math.Abs(FloatLog.Of(Vector512.Create(x)).ToScalar() - exact) / Math.Max(Math.Abs(exact), 1e-3);
            worst = Math.Max(worst, error);
        }

        Assert.InRange(worst, 0, 3e-7);
        Assert.Equal(0f, FloatLog.Of(Vector512.Create(1f)).ToScalar());
    }

    [Fact]
    public void The_vector_exp_is_within_two_tenths_of_a_millionth_of_the_double_exp_across_its_range()
    {
        var random = new Random(12);
        var worst = 0.0;
        for (var i = 0; i < 200_000; i++)
        {
            var x = (float)((random.NextDouble() * 174) - 87);
            var exact = Math.Exp(x);
            worst = Math.Max(worst, Math.Abs(FloatExp.Of(Vector512.Create(x)).ToScalar() - exact) / exact);
        }

        Assert.InRange(worst, 0, 2e-7);
        Assert.Equal(1f, FloatExp.Of(Vector512.Create(0f)).ToScalar());
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(1000f)]
    [InlineData(-1000f)]
    public void The_vector_exp_of_an_argument_beyond_its_range_stays_finite_and_positive(float x)
    {
        var value = FloatExp.Of(Vector512.Create(x)).ToScalar();

        Assert.True(float.IsFinite(value) && value > 0f, $"e^{x} gave {value}");
    }

    [Fact]
    public void NaN_stays_NaN_through_the_vector_log_and_exp()
    {
        Assert.True(float.IsNaN(FloatLog.Of(Vector512.Create(float.NaN)).ToScalar()));
        Assert.True(float.IsNaN(FloatExp.Of(Vector512.Create(float.NaN)).ToScalar()));
    }
}
