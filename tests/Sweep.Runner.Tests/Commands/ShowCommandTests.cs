namespace Sweep.Runner.Tests.Commands;

public sealed class ShowCommandTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public ShowCommandTests()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear(epochs: 30))).ExitCode);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Show_an_experiment_lists_its_trials_with_status_and_losses()
    {
        var show = folder.Command("show", "y3x");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Experiment 'y3x' version 1", show.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n1\s+[0-9a-f]{16}\s+training\.learning_rate=0\.001\s+completed\s+30\s+\d", show.Output);
        Assert.Matches(@"\n3\s+[0-9a-f]{16}\s+training\.learning_rate=1\s+diverged\s+\d", show.Output);
    }

    [Fact]
    public void Show_a_trial_by_the_start_of_its_id_prints_its_parameters_and_every_epoch()
    {
        var id = folder.Scalar<string>("SELECT id FROM trials WHERE learning_rate = 0.01");

        var show = folder.Command("show", id[..6]);

        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"Trial {id} of experiment 'y3x' version 1", show.Output, StringComparison.Ordinal);
        Assert.Contains("parameters  training.learning_rate=0.01", show.Output, StringComparison.Ordinal);
        Assert.Contains("status      completed", show.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nepoch\s+train loss\s+val loss", show.Output);
        Assert.Matches(@"\n30\s+\d", show.Output);
        Assert.Equal(30, show.Output.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\d+\s+\d")));
    }

    [Fact]
    public void Show_a_failed_trial_prints_its_error()
    {
        Assert.Equal(1, folder.Run(Experiments.Failing(folder)).ExitCode);
        var id = folder.Scalar<string>("SELECT id FROM trials WHERE status = 'failed'");

        var show = folder.Command("show", id);

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("error       exited with 3: 2 outputs do not fit 3 classes", show.Output, StringComparison.Ordinal);
        Assert.Contains("No epochs recorded.", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_an_unknown_name_exits_2_and_says_where_to_look()
    {
        var show = folder.Command("show", "no-such-experiment");

        Assert.Equal(2, show.ExitCode);
        Assert.Contains("has no experiment named 'no-such-experiment' and no trial whose id starts with it", show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_a_prefix_of_several_trials_exits_2_and_lists_them()
    {
        Assert.Equal(0, folder.Run(folder.Write("many.yaml", Experiments.Linear("many", string.Join(", ", Enumerable.Range(1, 40).Select(i => $"0.{i:000}")), epochs: 2))).ExitCode);
        var prefix = folder.Query<string>("SELECT substr(id, 1, 1) FROM trials GROUP BY 1 HAVING COUNT(DISTINCT id) > 1").First();

        var show = folder.Command("show", prefix);

        Assert.Equal(2, show.ExitCode);
        Assert.Contains($"'{prefix}' starts ", show.Error, StringComparison.Ordinal);
        Assert.Contains("give more of the id", show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_with_a_version_lists_that_version_and_without_one_the_latest()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.01", epochs: 12))).ExitCode);

        var latest = folder.Command("show", "y3x");
        var first = folder.Command("show", "y3x", "--version", "1");

        Assert.Equal((0, 0), (latest.ExitCode, first.ExitCode));
        Assert.Contains("Experiment 'y3x' version 2", latest.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n1\s+[0-9a-f]{16}\s+training\.learning_rate=0\.001\s+completed\s+12\s", latest.Output);
        Assert.Contains("Experiment 'y3x' version 1", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n1\s+[0-9a-f]{16}\s+training\.learning_rate=0\.001\s+completed\s+30\s", first.Output);
        Assert.Matches(@"\n3\s+[0-9a-f]{16}\s+training\.learning_rate=1\s+diverged", first.Output);
    }

    [Fact]
    public void Show_with_a_version_the_store_does_not_hold_exits_2_and_names_the_versions_it_has()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear(epochs: 12))).ExitCode);

        var show = folder.Command("show", "y3x", "--version", "7");

        Assert.Equal(2, show.ExitCode);
        Assert.Equal($"sweep: the store '{folder.DbPath}' has no version 7 of 'y3x'; its versions are 1, 2.", show.Error.Trim());
        Assert.Equal("", show.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    public void Show_with_a_version_that_is_no_whole_number_of_at_least_1_is_an_option_error(string version)
    {
        var show = folder.Command("show", "y3x", "--version", version);

        Assert.Equal(2, show.ExitCode);
        Assert.Contains($"--version takes a whole number of at least 1, not '{version}'.", show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_a_trial_with_a_version_takes_it_from_that_version()
    {
        var id = folder.Scalar<string>("SELECT id FROM trials WHERE learning_rate = 0.01");
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear(rates: "0.01, 0.02", epochs: 30) + "\n# the same trials, another text\n")).ExitCode);

        var first = folder.Command("show", id, "--version", "1");
        var latest = folder.Command("show", id);
        var missing = folder.Command("show", id, "--version", "3");

        Assert.Contains($"Trial {id} of experiment 'y3x' version 1", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Trial {id} of experiment 'y3x' version 2", latest.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no trial whose id starts with it in a version 3 of an experiment", missing.Error, StringComparison.Ordinal);
    }
}
