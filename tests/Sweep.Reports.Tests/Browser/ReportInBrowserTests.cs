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
        Assert.Equal(9L, browser.Run("return document.querySelectorAll('figure > svg').length;"));
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
    public void In_the_dark_theme_the_page_turns_dark_and_the_charts_keep_their_light_card()
    {
        using var directory = new TemporaryDirectory();
        var page = new HtmlReportExporter().Export(Some.Report(), directory.Path)[0];

        browser.PreferColorScheme("dark");
        browser.Open(page);

        var colours = browser.RunForStrings(
            "const s=e=>getComputedStyle(e);return [s(document.body).backgroundColor,s(document.body).color,s(document.querySelector('figure')).backgroundColor];")!;
        Assert.Equal(["rgb(13, 17, 23)", "rgb(230, 237, 243)", "rgb(246, 248, 250)"], colours);
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "report-dark.png"), browser.Screenshot());
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

    // Equal rather than Empty, so a failure prints the messages.
    private void AssertNoConsoleErrors() => Assert.Equal([], browser.ConsoleLog().Where(IsError).ToList());

    private static bool IsError(string entry) => entry.StartsWith("SEVERE", StringComparison.Ordinal);
}
