using Sweep.Reports.Charts;

namespace Sweep.Reports.Tests.Charts;

public sealed class LogTicksTests
{
    private const double Gap = 26;

    [Fact]
    public void An_axis_from_0_2_to_10_labels_values_between_the_decades()
    {
        var labels = Labels(new LogTicks(), 0.2, 10, pixels: 300);

        Assert.Equal(["0.2", "0.5", "1", "2", "5", "10"], labels);
    }

    [Fact]
    public void A_tall_axis_within_one_decade_labels_every_digit()
    {
        var labels = Labels(new LogTicks(), 0.2, 0.95, pixels: 400);

        Assert.Equal(["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"], labels);
    }

    [Fact]
    public void An_axis_too_short_for_two_digits_gets_evenly_spaced_values()
    {
        var labels = Labels(new LogTicks(), 0.3051, 0.3349, pixels: 300);

        Assert.Equal(["0.31", "0.315", "0.32", "0.325", "0.33"], labels);
    }

    [Fact]
    public void An_axis_over_eighteen_decades_labels_powers_of_ten_alone()
    {
        var labels = Labels(new LogTicks(), 3e-15, 2e4, pixels: 300);

        Assert.Equal(["10⁻¹⁴", "10⁻¹²", "10⁻¹⁰", "10⁻⁸", "10⁻⁶", "10⁻⁴", "10⁻²", "10⁰", "10²", "10⁴"], labels);
    }

    [Fact]
    public void One_number_format_on_an_axis_never_1E_05_beside_0_0001()
    {
        var wide = Labels(new LogTicks(), 1e-5, 10, pixels: 700);
        var narrow = Labels(new LogTicks(), 1e-4, 10, pixels: 700);

        Assert.All(wide, l => Assert.Matches(@"^(\d(\.\d+)?×)?10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$", l));
        Assert.All(narrow, l => Assert.Matches(@"^\d+(\.\d+)?$", l));
        Assert.Contains("0.0001", narrow);
    }

    [Fact]
    public void With_a_zero_level_the_tick_there_reads_0_and_none_lies_between_it_and_the_decade_above()
    {
        var ticks = new LogTicks { Zero = -5 }.For(-5.2, -2, 300, Gap);

        Assert.Equal("0", ticks.Single(t => t.Position == -5).Label);
        Assert.DoesNotContain(ticks, t => t.Position > -5 && t.Position < -4);
        Assert.Contains(ticks, t => t.IsMajor && t.Label == "0.0001");
    }

    private static List<string> Labels(LogTicks ticks, double low, double high, double pixels) =>
        [.. ticks.For(Math.Log10(low), Math.Log10(high), pixels, Gap).Where(t => t.IsMajor).OrderBy(t => t.Position).Select(t => t.Label)];
}
