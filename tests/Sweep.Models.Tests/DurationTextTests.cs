namespace Sweep.Models.Tests;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2h", 7200)]
    [InlineData("1.5s", 1.5)]
    [InlineData("1m30s", 90)]
    public void A_duration_is_read_as_hours_minutes_and_seconds(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("10")]
    [InlineData("30s10m")]
    [InlineData("ten minutes")]
    public void Anything_else_is_not_a_duration(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(90, "1m30s")]
    [InlineData(5400, "1h30m00s")]
    [InlineData(1.5, "1.5s")]
    public void A_duration_is_written_the_same_way(double seconds, string text) =>
        Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));
}
