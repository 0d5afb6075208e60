using System.Diagnostics;
using System.Globalization;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// Ctrl+C once every trial has ended, while the reports are written: `sweep run` finishes them and stores the
/// run completed, a second Ctrl+C stops at once, and `sweep report` stops with exit 130. Never a .tmp file.
/// The sweep is big enough (forty trials of a few thousand epochs) that writing its reports takes seconds, so
/// the signal sent when the run says it writes them arrives while it does.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class StopWhileReportingTests : IDisposable
{
    private const int Trials = 40;

    private readonly SweepFolder folder = new();
    private readonly string file;

    public StopWhileReportingTests()
    {
        var rates = string.Join(", ", Enumerable.Range(1, Trials).Select(i => (0.0001 * i).ToString("R", CultureInfo.InvariantCulture)));
        file = folder.Write("many.yaml", Experiments.Linear("many", rates, epochs: 3000));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Ctrl_C_while_the_reports_are_written_lets_them_finish_and_stores_the_run_completed()
    {
        using var sweep = StartRun();
        Assert.True(await sweep.WaitForLinesAsync(IsWritingReports, 1), sweep.Error);

        sweep.Signal("INT");

        Assert.Equal(0, await sweep.ExitCodeAsync());
        Assert.Contains("Every trial has ended and is stored, so the reports are being finished", sweep.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Interrupted", sweep.Error, StringComparison.Ordinal);
        Assert.Contains(sweep.Lines, line => line.StartsWith("Reports: trials.csv", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder.OutPath, "report.html")));
        Assert.Empty(Temporaries());
        Assert.Equal("completed", folder.Scalar<string>("SELECT status FROM runs"));
        Assert.Equal(Trials, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
    }

    [Fact]
    public async Task A_second_Ctrl_C_while_the_reports_are_written_stops_at_once_and_leaves_no_temporary_file()
    {
        using var sweep = StartRun();
        Assert.True(await sweep.WaitForLinesAsync(IsWritingReports, 1), sweep.Error);
        sweep.Signal("INT");
        Assert.True(await WaitForErrorAsync(sweep, "press Ctrl+C again to stop at once"), sweep.Error);

        sweep.Signal("INT");

        Assert.Equal(130, await sweep.ExitCodeAsync());
        Assert.Contains($" report --experiment many --db {folder.DbPath} --out {folder.OutPath}", sweep.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(sweep.Lines, line => line.StartsWith("Reports: ", StringComparison.Ordinal));
        Assert.Empty(Temporaries());
        Assert.Equal("completed", folder.Scalar<string>("SELECT status FROM runs"));
        Assert.Equal("ok", folder.Scalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Ctrl_C_while_sweep_report_writes_stops_with_exit_130_and_leaves_no_temporary_file()
    {
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        var target = Path.Combine(folder.Root, "again");
        using var report = SweepProcess.Start("report", "--experiment", "many", "--db", folder.DbPath, "--out", target);
        Assert.True(await report.WaitForLinesAsync(line => line.Contains("writing the reports to", StringComparison.Ordinal), 1), report.Error);

        report.Signal("INT");

        Assert.Equal(130, await report.ExitCodeAsync());
        Assert.Contains($"sweep: interrupted while writing the reports of 'many': each file in {target} is whole", report.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(target, "*.tmp"));
        Assert.False(File.Exists(Path.Combine(target, "report.html")));
    }

    private SweepProcess StartRun() =>
        SweepProcess.Start("run", file, "--db", folder.DbPath, "--out", folder.OutPath, "--parallel", "2");

    private static bool IsWritingReports(string line) => line.StartsWith("Writing the reports to", StringComparison.Ordinal);

    private string[] Temporaries() => Directory.GetFiles(folder.OutPath, "*.tmp");

    private static async Task<bool> WaitForErrorAsync(SweepProcess sweep, string text)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (sweep.Error.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
