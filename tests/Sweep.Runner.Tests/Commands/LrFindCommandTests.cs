using System.Text.Json;

namespace Sweep.Runner.Tests.Commands;

public sealed class LrFindCommandTests
{
    [Fact]
    public void Range_test_on_the_quickstart_suggests_a_rate_where_its_grid_finds_the_best()
    {
        var run = CliRun.Of("lr-find", RepositoryFiles.Experiment("quickstart.yaml"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var suggestion = json.RootElement.GetProperty("suggestion").GetDouble();
        // The quickstart's grid ranks 0.1 first and diverges from 1 upwards.
        Assert.InRange(suggestion, 0.01, 0.5);
        Assert.Equal(100, json.RootElement.GetProperty("steps").GetArrayLength());
        Assert.False(json.RootElement.TryGetProperty("stored", out _));
    }

    [Fact]
    public void Range_test_as_text_prints_the_table_and_the_suggestion()
    {
        var run = CliRun.Of("lr-find", RepositoryFiles.Experiment("quickstart.yaml"), "--steps", "40", "--min", "1e-5", "--max", "10");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("step  learning rate  loss", run.Output, StringComparison.Ordinal);
        Assert.Contains("\n0     1e-05 ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Suggested learning rate: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_test_with_min_above_max_is_an_input_error()
    {
        var run = CliRun.Of("lr-find", RepositoryFiles.Experiment("quickstart.yaml"), "--min", "1", "--max", "0.1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("0 < --min < --max", run.Error, StringComparison.Ordinal);
    }
}
