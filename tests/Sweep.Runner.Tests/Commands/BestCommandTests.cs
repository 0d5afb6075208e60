using System.Text.Json;

namespace Sweep.Runner.Tests.Commands;

public sealed class BestCommandTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Best_names_the_rate_with_the_lowest_final_loss_and_the_fields_tools_read()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.01, 0.1, 1"))).ExitCode);

        var best = CliRun.Of("best", "--experiment", "y3x", "--db", folder.DbPath, "--format", "json");

        Assert.Equal(0, best.ExitCode);
        using var json = JsonDocument.Parse(best.Output);
        var root = json.RootElement;
        Assert.Equal(0.1, root.GetProperty("learning_rate").GetDouble());
        Assert.Equal("final_train_loss", root.GetProperty("metric").GetString());
        Assert.True(root.GetProperty("value").GetDouble() < 1e-6);
        Assert.Equal(4, root.GetProperty("trials_run").GetInt32());
        Assert.Matches("^[0-9a-f]{16}$", root.GetProperty("trial_id").GetString());
        Assert.Contains("0.1", root.GetProperty("recommendation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Best_as_text_says_the_rate_and_why()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.01, 0.1, 1"))).ExitCode);

        var best = CliRun.Of("best", "--experiment", "y3x", "--db", folder.DbPath);

        Assert.Equal(0, best.ExitCode);
        Assert.StartsWith("Best learning rate of 'y3x' (version 1): 0.1\n", best.Output, StringComparison.Ordinal);
        Assert.Contains("4 trials run.", best.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Best_of_an_unknown_experiment_exits_2()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear())).ExitCode);

        var best = CliRun.Of("best", "--experiment", "nope", "--db", folder.DbPath);

        Assert.Equal(2, best.ExitCode);
        Assert.Contains("has no experiment 'nope'", best.Error, StringComparison.Ordinal);
    }
}
