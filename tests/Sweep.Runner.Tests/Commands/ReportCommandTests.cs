namespace Sweep.Runner.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Report_writes_the_chosen_formats_of_an_experiment_from_the_store()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear())).ExitCode);
        var target = Path.Combine(folder.Root, "again");

        var report = CliRun.Of("report", "--db", folder.DbPath, "--experiment", "y3x", "--format", "csv,md", "--out", target);

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(["epochs.csv", "summary.md", "trials.csv"], Directory.GetFiles(target).Select(Path.GetFileName).Order());
        Assert.Equal(File.ReadAllText(Path.Combine(folder.OutPath, "trials.csv")), File.ReadAllText(Path.Combine(target, "trials.csv")));
    }

    [Fact]
    public void Report_html_marks_the_bracket_and_writes_png_charts_beside_it()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear())).ExitCode);
        var target = Path.Combine(folder.Root, "html");

        var report = CliRun.Of("report", "--db", folder.DbPath, "--experiment", "y3x", "--format", "html", "--out", target);

        Assert.Equal(0, report.ExitCode);
        var html = File.ReadAllText(Path.Combine(target, "report.html"));
        Assert.Matches(">\\s*bracket 0.01–1\\s*<", html);
        Assert.Equal(["diagnosis.png", "final-loss.png", "loss-curves.png", "report.html"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Report_html_of_a_range_test_shows_its_stored_steps_and_no_empty_loss_charts()
    {
        var file = folder.Write("find.yaml", Experiments.LinearRangeTest(steps: 50));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        var target = Path.Combine(folder.Root, "html");

        var report = CliRun.Of("report", "--db", folder.DbPath, "--experiment", "find", "--format", "html", "--out", target);

        Assert.Equal(0, report.ExitCode);
        var html = File.ReadAllText(Path.Combine(target, "report.html"));
        Assert.Contains("<section id=\"range-test\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<section id=\"loss-curves\">", html, StringComparison.Ordinal);
        Assert.Equal(["range-test.png", "report.html"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Report_of_every_experiment_writes_a_folder_for_each()
    {
        Assert.Equal(0, folder.Run(folder.Write("a.yaml", Experiments.Linear(name: "first"))).ExitCode);
        Assert.Equal(0, folder.Run(folder.Write("b.yaml", Experiments.Linear(name: "second"))).ExitCode);
        var target = Path.Combine(folder.Root, "all");

        var report = CliRun.Of("report", "--db", folder.DbPath, "--out", target);

        Assert.Equal(0, report.ExitCode);
        Assert.True(File.Exists(Path.Combine(target, "first", "report.html")));
        Assert.True(File.Exists(Path.Combine(target, "second", "trials.csv")));
    }

    [Fact]
    public void Report_of_an_unknown_experiment_or_format_exits_2()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear())).ExitCode);

        Assert.Equal(2, CliRun.Of("report", "--db", folder.DbPath, "--experiment", "nope").ExitCode);
        Assert.Equal(2, CliRun.Of("report", "--db", folder.DbPath, "--format", "pdf").ExitCode);
    }
}
