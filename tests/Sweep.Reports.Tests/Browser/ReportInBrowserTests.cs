using System.Collections.Immutable;
using System.Globalization;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Browser;

/// <summary>
/// report.html as a reader sees it: opened in headless Chromium, with no console error, its charts drawn, its
/// table filtered and sorted by its own script, legible in the light and the dark theme. Screenshots are kept
/// beside the test assembly (report-light.png, report-dark.png) for a person to look at.
/// </summary>
public sealed class ReportInBrowserTests(ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public void The_report_opens_in_chromium_without_a_console_error_and_its_table_filters_and_sorts()
    {
        using var directory = new TemporaryDirectory();
        var page = new HtmlReportExporter().Export(Some.Report("Hostile <script>alert(1)</script> & \"quoted\""), directory.Path)[0];

        browser.PreferColorScheme("light");
        browser.Open(page);

        AssertNoConsoleErrors();
        Assert.Equal(9L, browser.Run("return [...document.querySelectorAll('figure > svg')].filter(s=>s.getBoundingClientRect().height>0).length;"));
        Assert.Equal(0L, browser.Run("return window.alerted === undefined ? 0 : 1;"));
        var filtered = browser.RunForStrings(
            "const f=document.getElementById('trial-filter');f.value='DIVERGING';f.dispatchEvent(new Event('input'));" +
            "return [[...document.querySelectorAll('#trials tbody tr')].filter(r=>!r.hidden).map(r=>r.cells[0].textContent).join(','), document.getElementById('trial-count').textContent];")!;
        Assert.Equal(["s1-t002", "1 of 4 trials"], filtered);
        var sorted = browser.Run(
            "const f=document.getElementById('trial-filter');f.value='';f.dispatchEvent(new Event('input'));" +
            "document.querySelectorAll('#trials th')[2].click();" +
            "return [...document.querySelectorAll('#trials tbody tr')].map(r=>r.cells[0].textContent).join(',');")!;
        Assert.Equal("s1-t001,s2-t004,s2-t003,s1-t002", sorted);
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "report-light.png"), browser.Screenshot());
        AssertNoConsoleErrors();
    }

    [Fact]
    public void The_report_of_a_20000_trial_sweep_opens_with_its_best_thousand_and_a_working_link_to_the_csv_of_them_all()
    {
        using var directory = new TemporaryDirectory();
        var report = SomeSweep.Large(20_000, 5);
        var written = ReportWriterFiles(report, directory.Path);

        browser.PreferColorScheme("light");
        browser.Open(written);

        AssertNoConsoleErrors();
        Assert.InRange(new FileInfo(written).Length, 100_000, 5_000_000);
        Assert.Equal(1_000L, browser.Run("return document.querySelectorAll('#trials tbody tr').length;"));
        Assert.Equal(
            ["This page shows 1000 of the sweep's 20000 trials", "trials.csv"],
            browser.RunForStrings("const p=document.getElementById('shown-trials');return [p.textContent.split(':')[0], p.querySelector('a').getAttribute('href')];"));
        var filtered = browser.RunForStrings(
            "const f=document.getElementById('trial-filter');f.value=document.querySelector('#trials tbody td').textContent;f.dispatchEvent(new Event('input'));" +
            "return [document.getElementById('trial-count').textContent];")!;
        Assert.Equal(["1 of 1000 trials"], filtered);
        Assert.True(File.Exists(Path.Combine(directory.Path, "trials.csv")));
        Assert.Equal(20_001, File.ReadLines(Path.Combine(directory.Path, "trials.csv")).Count());
    }

    /// <summary>Writes report.html and trials.csv beside it, as a run does; returns the page's path.</summary>
    private static string ReportWriterFiles(SweepReport report, string folder)
    {
        new TrialsCsvExporter().Export(report, folder);
        return new HtmlReportExporter().Export(report, folder)[0];
    }

    [Fact]
    public void In_the_dark_theme_the_page_turns_dark_and_the_charts_keep_their_light_card()
    {
        using var directory = new TemporaryDirectory();
        var page = new HtmlReportExporter().Export(Some.Report(), directory.Path)[0];

        browser.PreferColorScheme("dark");
        browser.Open(page);

        var colours = browser.RunForStrings(
            "const s=e=>getComputedStyle(e);return [s(document.body).backgroundColor,s(document.body).color,s(document.querySelector('figure')).backgroundColor];")!;
        Assert.Equal(["rgb(13, 17, 23)", "rgb(230, 237, 243)", "rgb(246, 248, 250)"], colours);

        // The card hugs its chart: no strip of card wider than the white chart beside it.
        var widths = Numbers("const f=document.querySelector('figure');return [f.getBoundingClientRect().width, f.querySelector('svg').getBoundingClientRect().width];");
        Assert.InRange(widths[0] - widths[1], 0, 17);
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "report-dark.png"), browser.Screenshot());
        AssertNoConsoleErrors();
    }

    [Fact]
    public void At_1400_pixels_the_trials_table_of_a_sweep_like_the_quickstart_fits_without_a_scrollbar()
    {
        using var directory = new TemporaryDirectory();
        // Eleven trials with sixteen-character ids, as the quickstart has.
        var trials = SomeSweep.Report(11, 5).Trials.Select((t, i) => t with { TrialId = $"5e3db020120c0{i:x3}" });
        var page = new HtmlReportExporter().Export(SomeSweep.WithTrials([.. trials]), directory.Path)[0];

        browser.PreferColorScheme("light");
        browser.Resize(ChromiumBrowser.Width, 900);
        browser.Open(page);

        var widths = Numbers("const box=document.getElementById('trials').parentElement;return [box.scrollWidth, box.clientWidth, document.documentElement.scrollWidth, window.innerWidth];");
        Assert.True(widths[0] <= widths[1], $"the table is {widths[0]} px wide in a box of {widths[1]} px");
        Assert.True(widths[2] <= widths[3], $"the page is {widths[2]} px wide in a window of {widths[3]} px");
        AssertNoConsoleErrors();
    }

    [Fact]
    public void A_trials_table_wider_than_the_page_scrolls_in_its_own_box_whose_scrollbar_is_in_the_window()
    {
        using var directory = new TemporaryDirectory();
        string[] keys = ["model.layers.0.units", "model.layers.1.units", "model.layers.0.activation", "training.optimizer", "training.momentum", "training.epochs"];
        var trials = SomeSweep.Report(200, 3).Trials.Select(t => t with { Parameters = [.. keys.Select(k => new TrialParameter(k, $"{k}-value"))] });
        var report = SomeSweep.WithTrials([.. trials]) with { Parameters = [.. keys] };
        var page = new HtmlReportExporter().Export(report, directory.Path)[0];

        browser.PreferColorScheme("light");
        browser.Resize(ChromiumBrowser.Width, 900);
        browser.Open(page);

        var sizes = Numbers(
            "const box=document.getElementById('trials').parentElement;" +
            "return [box.scrollWidth, box.clientWidth, document.documentElement.scrollWidth, window.innerWidth, box.getBoundingClientRect().height, window.innerHeight];");
        Assert.True(sizes[0] > sizes[1], "the table does not scroll in its box");
        Assert.True(sizes[2] <= sizes[3], $"the page is {sizes[2]} px wide in a window of {sizes[3]} px");
        Assert.True(sizes[4] <= sizes[5], $"the box is {sizes[4]} px tall in a window of {sizes[5]} px: its scrollbar is out of sight");
        AssertNoConsoleErrors();
    }

    [Fact]
    public void Picking_a_metric_a_program_reported_shows_its_curves_in_place_of_the_loss()
    {
        using var directory = new TemporaryDirectory();
        // BLEU climbs from 10 + the trial's index at epoch 1 by 10 an epoch: 10 to 51 over five epochs.
        var trials = SomeSweep.Report(3, 5).Trials.Select((t, i) => t with
        {
            Epochs = [.. t.Epochs.Select(e => e with { Extra = ImmutableSortedDictionary<string, double>.Empty.Add("bleu", (10 * e.Epoch) + i) })],
        });
        var page = new HtmlReportExporter().Export(SomeSweep.WithTrials([.. trials]), directory.Path)[0];

        browser.PreferColorScheme("light");
        browser.Open(page);
        Assert.Equal(["loss (validation loss when there is one)", "bleu"], browser.RunForStrings("return [...document.querySelectorAll('#loss-curves select option')].map(o=>o.textContent);"));
        var shown = browser.RunForStrings(
            "const s=document.querySelector('#loss-curves select');s.value=[...s.options].find(o=>o.textContent==='bleu').value;s.dispatchEvent(new Event('change'));" +
            "return [...document.querySelectorAll('#loss-curves div.view')].filter(v=>v.getBoundingClientRect().height>0)" +
            ".map(v=>[...v.querySelectorAll('svg text')].map(t=>t.textContent.trim()).join('|'));")!;

        var texts = Assert.Single(shown).Split('|');
        Assert.Contains("bleu", texts);
        var ticks = texts.Where(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(ticks, t => t is >= 10 and <= 12);
        Assert.Contains(ticks, t => t is >= 50 and <= 52);
        Assert.DoesNotContain("loss (log scale)", texts);
        AssertNoConsoleErrors();
    }

    [Fact]
    public void A_range_test_page_opens_without_a_console_error_and_draws_its_chart()
    {
        using var directory = new TemporaryDirectory();
        var page = new HtmlReportExporter().Export(Some.RangeTestReport(), directory.Path)[0];

        browser.Open(page);

        Assert.Equal(1L, browser.Run("return document.querySelectorAll('figure > svg').length;"));
        AssertNoConsoleErrors();
    }

    [Fact]
    public void A_script_error_on_the_page_shows_in_the_console_log_the_tests_check()
    {
        using var directory = new TemporaryDirectory();
        var page = Path.Combine(directory.Path, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>");

        browser.Open(page);

        Assert.Contains(browser.ConsoleLog(), entry => IsError(entry) && entry.Contains("undefinedFunction", StringComparison.Ordinal));
    }

    private IReadOnlyList<double> Numbers(string script) => browser.RunForNumbers(script);

    // Equal rather than Empty, so a failure prints the messages.
    private void AssertNoConsoleErrors() => Assert.Equal([], browser.ConsoleLog().Where(IsError).ToList());

    private static bool IsError(string entry) => entry.StartsWith("SEVERE", StringComparison.Ordinal);
}
