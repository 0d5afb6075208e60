using Sweep.Reports.Columns;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Columns;

public sealed class TrialColumnsTests
{
    private static SweepReport UnitsSweep() => SomeSweep.WithTrials(
    [
        .. Some.Trials().Take(3).Select((t, i) => t with
        {
            Parameters = [new("training.learning_rate", "0.01"), new("model.layers.0.units", (8 << i).ToString(System.Globalization.CultureInfo.InvariantCulture))],
        }),
    ]) with
    { Parameters = ["training.learning_rate", "model.layers.0.units"] };

    [Fact]
    public void Every_searched_key_the_fixed_columns_do_not_show_is_a_column()
    {
        var columns = TrialColumns.Searched(UnitsSweep());

        var units = Assert.Single(columns);
        Assert.Equal("model.layers.0.units", units.Id);
        Assert.True(units.IsNumeric);
    }

    [Fact]
    public void A_units_search_names_its_units_in_trials_csv_summary_md_and_the_html_table()
    {
        using var directory = new TemporaryDirectory();
        var report = UnitsSweep();

        var csv = File.ReadAllLines(new TrialsCsvExporter().Export(report, directory.Path)[0]);
        var markdown = File.ReadAllText(new MarkdownSummaryExporter().Export(report, directory.Path)[0]);
        var html = File.ReadAllText(new HtmlReportExporter().Export(report, directory.Path)[0]);

        Assert.EndsWith(",seconds,model.layers.0.units", csv[0], StringComparison.Ordinal);
        Assert.Equal(["8", "16", "32"], csv.Skip(1).Select(line => line.Split(',')[^1]));
        Assert.Contains("| Batch | model.layers.0.units | Status |", markdown, StringComparison.Ordinal);
        Assert.Contains("<th data-type=\"number\">model.layers.0.units</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\" data-value=\"32\">32</td>", html, StringComparison.Ordinal);
    }
}
