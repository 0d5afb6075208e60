using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sweep.Reports.Tests.Browser;

/// <summary>
/// Debian's chromium driven through chromedriver's WebDriver HTTP API (no client package needed): headless, no
/// network services, a fresh profile, the browser's console log kept. Missing chromium is an error, never a
/// skip: CI installs it (.ci/run), and a report nobody opened is a report nobody tested. Starting the browser
/// takes seconds on a busy machine, so the tests share one (a class fixture).
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    /// <summary>The window's width: the screen a new user opened the report on.</summary>
    public const int Width = 1400;

    private readonly Process driver;
    private readonly HttpClient http;
    private readonly string profile = Directory.CreateTempSubdirectory("sweep-chromium-").FullName;
    private readonly string session;
    private readonly List<string> driverOutput = [];

    private string DriverOutput
    {
        get
        {
            lock (driverOutput)
            {
                return string.Join(" | ", driverOutput);
            }
        }
    }

    public HeadlessChromium()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            throw new InvalidOperationException(
                $"The browser test needs {Chromium} and {ChromeDriver}: apt-get install -y chromium chromium-driver (.ci/run does).");
        }
        var port = FreePort();
        driver = Process.Start(new ProcessStartInfo(ChromeDriver, $"--port={port}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        // Read both pipes so a chatty driver never blocks on a full one; keep what it says for a failed start.
        driver.OutputDataReceived += (_, line) => AddDriverOutput(line.Data);
        driver.ErrorDataReceived += (_, line) => AddDriverOutput(line.Data);
        driver.BeginOutputReadLine();
        driver.BeginErrorReadLine();
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            session = StartSession();
        }
        catch
        {
            // No session means no Dispose: the driver (and any browser it started) must not outlive the test.
            StopDriver();
            throw;
        }
    }

    private string StartSession()
    {
        WaitUntilReady();
        var options = new JsonObject
        {
            ["binary"] = Chromium,
            ["args"] = new JsonArray(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--window-size={Width},900", $"--user-data-dir={profile}"),
        };
        var capabilities = new JsonObject
        {
            ["browserName"] = "chrome",
            ["goog:chromeOptions"] = options,
            ["goog:loggingPrefs"] = new JsonObject { ["browser"] = "ALL" },
        };
        var created = Send(HttpMethod.Post, "session", new JsonObject { ["capabilities"] = new JsonObject { ["alwaysMatch"] = capabilities } });
        return created!["sessionId"]!.GetValue<string>();
    }

    /// <summary>Opens a file; the console log starts empty for it.</summary>
    public void Open(string path)
    {
        _ = ConsoleLog();
        Send(HttpMethod.Post, $"session/{session}/url", new JsonObject { ["url"] = new Uri(path).AbsoluteUri });
    }

    /// <summary>Runs <paramref name="script"/> (a function body) in the page and returns what it returns.</summary>
    public JsonNode? Run(string script) =>
        Send(HttpMethod.Post, $"session/{session}/execute/sync", new JsonObject { ["script"] = script, ["args"] = new JsonArray() });

    /// <summary>Emulates the reader's colour scheme, as prefers-color-scheme sees it.</summary>
    public void PreferColorScheme(string scheme) => Send(HttpMethod.Post, $"session/{session}/goog/cdp/execute", new JsonObject
    {
        ["cmd"] = "Emulation.setEmulatedMedia",
        ["params"] = new JsonObject { ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = scheme }) },
    });

    /// <summary>The console messages logged since the last call, as "LEVEL message".</summary>
    public IReadOnlyList<string> ConsoleLog() =>
        [.. Send(HttpMethod.Post, $"session/{session}/se/log", new JsonObject { ["type"] = "browser" })!.AsArray()
            .Select(entry => $"{entry!["level"]} {entry["message"]}")];

    /// <summary>A PNG of the whole page: the window is first made as tall as the page.</summary>
    public byte[] Screenshot()
    {
        var height = Run("return document.documentElement.scrollHeight;")!.GetValue<int>();
        Resize(Width, height + 100);
        return Convert.FromBase64String(Send(HttpMethod.Get, $"session/{session}/screenshot", null)!.GetValue<string>());
    }

    /// <summary>Sets the window's outer size in pixels.</summary>
    public void Resize(int width, int height) =>
        Send(HttpMethod.Post, $"session/{session}/window/rect", new JsonObject { ["width"] = width, ["height"] = height });

    public void Dispose()
    {
        try
        {
            Send(HttpMethod.Delete, $"session/{session}", null);
        }
        finally
        {
            StopDriver();
        }
    }

    private void StopDriver()
    {
        driver.Kill(entireProcessTree: true);
        driver.WaitForExit();
        driver.Dispose();
        http.Dispose();
        Directory.Delete(profile, recursive: true);
    }

    private JsonNode? Send(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        using var response = http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var value = JsonNode.Parse(text)?["value"];
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"chromedriver {method} {path}: {(int)response.StatusCode} {value?["message"] ?? text}");
        }
        return value;
    }

    private void WaitUntilReady()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (Send(HttpMethod.Get, "status", null)?["ready"]?.GetValue<bool>() == true)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
            }
            catch (JsonException) when (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
            }
            if (driver.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"chromedriver did not start within 20 s: {DriverOutput}");
            }
            Thread.Sleep(50);
        }
    }

    private void AddDriverOutput(string? line)
    {
        if (line is not null)
        {
            lock (driverOutput)
            {
                driverOutput.Add(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
