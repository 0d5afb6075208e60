using System.Collections.ObjectModel;
using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Sweep.Reports.Tests.Browser;

/// <summary>
/// Debian's chromium driven by Selenium through Debian's chromedriver: headless, no network services, a fresh
/// profile, the browser's console log kept. Missing chromium is an error, never a skip: CI installs it (.ci/run),
/// and a report nobody opened is a report nobody tested. Starting the browser takes seconds on a busy machine, so
/// the tests share one (a class fixture).
/// </summary>
public sealed class ChromiumBrowser : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverFolder = "/usr/bin";
    private const string ChromeDriverFile = "chromedriver";

    /// <summary>The window's width: the screen a new user opened the report on.</summary>
    public const int Width = 1400;

    private readonly ChromeDriver driver;

    public ChromiumBrowser()
    {
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(ChromeDriverFolder, ChromeDriverFile)))
        {
            throw new InvalidOperationException(
                $"The browser test needs {Chromium} and {ChromeDriverFolder}/{ChromeDriverFile}: apt-get install -y chromium chromium-driver (.ci/run does).");
        }

        // Naming the driver and the browser keeps Selenium Manager from looking for (or downloading) either.
        var service = ChromeDriverService.CreateDefaultService(ChromeDriverFolder, ChromeDriverFile);
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--window-size={Width},900");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Opens a file; the console log starts empty for it.</summary>
    public void Open(string path)
    {
        _ = ConsoleLog();
        driver.Navigate().GoToUrl(new Uri(path));
    }

    /// <summary>Runs <paramref name="script"/> (a function body) in the page and returns what it returns.</summary>
    public object? Run(string script) => driver.ExecuteScript(script);

    /// <summary>Runs a script that returns an array of numbers.</summary>
    public IReadOnlyList<double> RunForNumbers(string script) =>
        [.. ((ReadOnlyCollection<object>)Run(script)!).Select(item => Convert.ToDouble(item, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Sets the window's outer size in pixels.</summary>
    public void Resize(int width, int height) => driver.Manage().Window.Size = new Size(width, height);

    /// <summary>Runs a script that returns an array of strings.</summary>
    public IReadOnlyList<string> RunForStrings(string script) =>
        [.. ((ReadOnlyCollection<object>)Run(script)!).Select(item => (string)item)];

    /// <summary>Emulates the reader's colour scheme, as prefers-color-scheme sees it.</summary>
    public void PreferColorScheme(string scheme) => driver.ExecuteCdpCommand(
        "Emulation.setEmulatedMedia",
        new Dictionary<string, object?>
        {
            ["features"] = new[] { new Dictionary<string, object> { ["name"] = "prefers-color-scheme", ["value"] = scheme } },
        });

    /// <summary>The console messages logged since the last call, as "LEVEL message".</summary>
    public IReadOnlyList<string> ConsoleLog() =>
        [.. driver.Manage().Logs.GetLog(LogType.Browser).Select(entry => $"{entry.Level.ToString().ToUpperInvariant()} {entry.Message}")];

    /// <summary>A PNG of the whole page: the window is first made as tall as the page.</summary>
    public byte[] Screenshot()
    {
        var height = Convert.ToInt32(Run("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        Resize(Width, height + 100);
        return driver.GetScreenshot().AsByteArray;
    }

    public void Dispose()
    {
        driver.Quit();
        driver.Dispose();
    }
}
