using System.Text.Json;

namespace Sweep.Runner.Tests.Commands;

/// <summary>What every command shares: the log options, the way errors are written, and how an experiment is named.</summary>
public sealed class CommandLineConsistencyTests : IDisposable
{
    private static readonly string[][] EveryCommand =
    [
        ["validate", "x.yaml"], ["plan", "x.yaml"], ["run", "x.yaml"], ["lr-find", "x.yaml"], ["best", "y3x"],
        ["compare", "y3x"], ["report"], ["list"], ["show", "y3x"], ["worker"],
    ];

    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_command_takes_the_log_options_before_or_after_its_name()
    {
        foreach (var command in EveryCommand)
        {
            foreach (var options in new[] { new[] { "--verbose" }, ["-v", "-q"], ["--log-format", "json"] })
            {
                Assert.Empty(SweepCli.Build(TextWriter.Null, TextWriter.Null).Parse([.. command, .. options]).Errors);
                Assert.Empty(SweepCli.Build(TextWriter.Null, TextWriter.Null).Parse([.. options, .. command]).Errors);
            }
        }
    }

    [Fact]
    public void Report_takes_verbose()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);

        var report = CliRun.Of("report", "--verbose", "--db", folder.DbPath, "--out", Path.Combine(folder.Root, "reports"), "--format", "csv");

        Assert.Equal(0, report.ExitCode);
        Assert.Equal("", report.Error);
        Assert.True(File.Exists(Path.Combine(folder.Root, "reports", "y3x", "trials.csv")));
    }

    [Fact]
    public void Log_format_is_shown_in_lower_case_and_taken_in_any_case()
    {
        var help = CliRun.Of("run", "--help").Output;

        Assert.Contains("--log-format <text|json>", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Json", help, StringComparison.Ordinal);

        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--log-format", "JSON");

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonDocument.Parse(line).Dispose());
    }

    [Fact]
    public void A_log_format_that_is_neither_is_an_option_error()
    {
        var run = CliRun.Of("list", "--log-format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("sweep: --log-format takes text or json, not 'xml'.\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_from_parsing_from_a_command_and_from_the_log_start_the_same_way()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);
        File.WriteAllText(Path.Combine(folder.Root, "text.db"), "this is not a SQLite file, just some text that is long enough to have a header");

        CliRun[] failed =
        [
            CliRun.Of("list", "--bogus"),
            folder.Command("best", "nope"),
            CliRun.Of("run", folder.Write("again.yaml", Experiments.Linear()), "--db", Path.Combine(folder.Root, "text.db"), "--out", folder.OutPath),
        ];

        Assert.All(failed, run =>
        {
            Assert.NotEqual(0, run.ExitCode);
            Assert.StartsWith("sweep: ", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("error: ", run.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Best_takes_the_experiment_by_name_as_show_does_or_with_the_option()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);

        var positional = folder.Command("best", "y3x");
        var named = folder.Command("best", "--experiment", "y3x");
        var both = folder.Command("best", "y3x", "--experiment", "y3x");

        Assert.Equal(0, positional.ExitCode);
        Assert.StartsWith("Best learning rate of 'y3x' (version 1): 0.01\n", positional.Output, StringComparison.Ordinal);
        Assert.Equal(positional, named);
        Assert.Equal(positional, both);
    }

    [Theory]
    [InlineData("best")]
    [InlineData("compare")]
    [InlineData("report")]
    [InlineData("worker")]
    public void Two_different_names_for_the_experiment_are_one_sentence_and_exit_2(string command)
    {
        var run = folder.Command(command, "y3x", "--experiment", "other");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("sweep: the experiment is named twice, as 'y3x' and as --experiment 'other'; give one name.\n", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DbPath));
    }

    [Theory]
    [InlineData("best")]
    [InlineData("compare")]
    public void A_command_about_one_experiment_without_its_name_says_how_to_give_it(string command)
    {
        var run = folder.Command(command);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"sweep: 'sweep {command}' needs an experiment's name: sweep {command} NAME (or --experiment NAME).\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_and_report_take_the_experiment_by_name_too()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.0001"));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        folder.Write("y3x.yaml", Experiments.Linear(rates: "0.0001, 0.1"));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        var reports = Path.Combine(folder.Root, "reports");

        Assert.Equal(0, folder.Command("compare", "y3x").ExitCode);
        Assert.Equal(0, CliRun.Of("report", "y3x", "--db", folder.DbPath, "--out", reports, "--format", "csv").ExitCode);
        Assert.True(File.Exists(Path.Combine(reports, "trials.csv")));
    }
}
