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
        Assert.Equal(1, folder.Run(Experiments.Throwing(folder)).ExitCode);
        var id = folder.Scalar<string>("SELECT id FROM trials WHERE status = 'failed'");

        var show = folder.Command("show", id);

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("error       The model has 2 outputs but the data has 3 targets per sample.", show.Output, StringComparison.Ordinal);
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
}
