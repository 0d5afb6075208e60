namespace Sweep.Runner.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Every_experiment_in_the_repository_is_valid()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "experiments"), "*.yaml", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var run = CliRun.Of("validate", file);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains(": valid;", run.Output, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Validate_reports_every_problem_with_its_place_and_exits_2()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sweep-validate-").FullName, "broken.yaml");
        File.WriteAllText(file, "name: x\nseed: -1\ndata: {synthetic: {kind: linear}}\nmodel: {layers: [{units: 1}]}\ntraining: {epochs: 5, learnin_rate: 0.1}\n");

        var run = CliRun.Of("validate", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{file}:2:7: seed must be 0 or more, got '-1'\n" +
            $"{file}:5:23: unknown key 'learnin_rate' in training; did you mean 'learning_rate'?\n" +
            "2 problems found; nothing was run.\n",
            run.Error);
    }

    [Fact]
    public void Validate_of_a_missing_file_exits_2()
    {
        var run = CliRun.Of("validate", "no/such/experiment.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("no/such/experiment.yaml: no such file; check the path", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_or_option_exits_2()
    {
        Assert.Equal(2, CliRun.Of("frobnicate").ExitCode);
        Assert.Equal(2, CliRun.Of("validate", "x.yaml", "--bogus").ExitCode);
        Assert.Equal(2, CliRun.Of("validate").ExitCode);
    }

    [Theory]
    [InlineData("validate", "validate <experiment> [options]")]
    [InlineData("plan", "plan <experiment> [options]")]
    [InlineData("run", "run <experiment> [options]")]
    [InlineData("list", "list [options]")]
    [InlineData("show", "show <trial-or-experiment> [options]")]
    [InlineData("lr-find", "lr-find <experiment> [options]")]
    [InlineData("best", "best [<experiment>] [options]")]
    [InlineData("report", "report [<experiment>] [options]")]
    [InlineData("compare", "compare [<experiment>] [options]")]
    [InlineData("worker", "worker [<experiment>] [options]")]
    public void Every_command_has_help(string command, string usage)
    {
        var run = CliRun.Of(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains(usage, run.Output, StringComparison.Ordinal);
    }
}
