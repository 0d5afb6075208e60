using System.Diagnostics;
using Sweep.Runner.Reporting;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Reporting;

/// <summary>summary.md on a CI job's page: appended to --summary FILE and to GITHUB_STEP_SUMMARY by `sweep run` and `sweep report`.</summary>
public sealed class JobSummaryTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Run_appends_summary_md_to_the_summary_file_after_what_it_held()
    {
        var page = folder.Write("page.md", "# Earlier step\n");

        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet", "--summary", page);

        Assert.Equal(0, run.ExitCode);
        var summary = File.ReadAllText(Path.Combine(folder.OutPath, "summary.md"));
        Assert.Equal("# Earlier step\n" + summary + "\n", File.ReadAllText(page));
    }

    [Fact]
    public void Report_appends_the_summary_of_each_experiment_it_writes()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);
        var page = Path.Combine(folder.Root, "page.md");
        var reports = Path.Combine(folder.Root, "reports");

        var report = folder.Command("report", "--experiment", "y3x", "--format", "md", "--out", reports, "--summary", page);

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(reports, "summary.md")) + "\n", File.ReadAllText(page));
    }

    [Fact]
    public void A_file_named_by_both_summary_and_github_step_summary_is_written_once()
    {
        Assert.Equal(["/ci/page.md", "/ci/github.md"], JobSummary.Targets("/ci/page.md", "/ci/github.md"));
        Assert.Equal(["/ci/page.md"], JobSummary.Targets("/ci/page.md", "/ci/./page.md"));
        Assert.Empty(JobSummary.Targets(null, ""));
    }

    [Fact]
    public async Task Run_as_a_process_under_github_actions_appends_to_github_step_summary()
    {
        var page = folder.Write("step-summary.md", "");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Root };
        foreach (var argument in new[] { SweepProcess.Executable, "run", folder.Write("y3x.yaml", Experiments.Linear()), "--db", folder.DbPath, "--out", folder.OutPath, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[JobSummary.GitHubVariable] = page;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await error);
        Assert.Equal(File.ReadAllText(Path.Combine(folder.OutPath, "summary.md")) + "\n", File.ReadAllText(page));
    }
}
