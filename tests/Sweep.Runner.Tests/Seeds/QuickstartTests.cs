using System.Text.Json;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>experiments/quickstart.yaml, the README's first command: needs nothing outside the repository.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class QuickstartTests
{
    [Fact]
    public async Task The_quickstart_runs_eleven_trials_and_picks_0_1()
    {
        using var sweep = await SeedSweep.RunAsync(RepositoryFiles.Experiment("quickstart.yaml"), new SweepFolder());

        var statuses = sweep.Folder.Query<(double Rate, string Status)>("SELECT learning_rate, status FROM trials ORDER BY learning_rate");
        Assert.Equal(11, statuses.Count);
        Assert.All(statuses, t => Assert.Equal(t.Rate >= 1 ? "diverged" : "completed", t.Status));
        var best = await sweep.CommandOnStoreAsync("best", "--experiment", "quickstart", "--format", "json");
        Assert.True(best.ExitCode == 0, best.All);
        using var json = JsonDocument.Parse(best.Output);
        Assert.Equal(0.1, json.RootElement.GetProperty("learning_rate").GetDouble());
        Assert.Equal("good", json.RootElement.GetProperty("diagnosis").GetString());
        Assert.Contains("Best: trial ", sweep.Run.Output, StringComparison.Ordinal);
        Assert.Contains("(training.learning_rate=0.1)", sweep.Run.Output, StringComparison.Ordinal);
    }
}
