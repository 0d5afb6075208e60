using System.Text.Json;

namespace Sweep.Runner.Tests.Commands;

public sealed class PlanCommandTests
{
    [Fact]
    public void Plan_of_the_54_trial_grid_prints_every_trial_and_the_product()
    {
        var run = CliRun.Of("plan", RepositoryFiles.Experiment("grid-54.yaml"));

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.Equal(2 + 54 + 1, lines.Length);
        Assert.Equal("54 trials: 6 x 3 x 3 (grid).", lines[^1]);
        Assert.Matches(@"^1\s+[0-9a-f]{16}\s+1e-05\s+0\s+full\s+7$", lines[2]);
        Assert.Matches(@"^54\s+[0-9a-f]{16}\s+1\s+0\.1\s+sgd\s+7$", lines[^2]);
    }

    [Fact]
    public void Plan_as_json_lists_trials_with_ids_and_typed_parameters()
    {
        var run = CliRun.Of("plan", RepositoryFiles.Experiment("grid-54.yaml"), "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var trials = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(54, trials.Count);
        var first = trials[0].GetProperty("parameters");
        Assert.Equal(1e-05, first.GetProperty("training.learning_rate").GetDouble());
        Assert.Equal("full", first.GetProperty("training.batch").GetString());
        Assert.Matches("^[0-9a-f]{16}$", trials[0].GetProperty("id").GetString());
        Assert.Contains("\"training.learning_rate\": 1e-05", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_with_an_unknown_format_is_an_input_error()
    {
        var run = CliRun.Of("plan", RepositoryFiles.Experiment("grid-54.yaml"), "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Plan_of_a_broken_file_prints_its_problems_and_no_plan()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sweep-plan-").FullName, "broken.yaml");
        File.WriteAllText(file, "name: x\ndata: {synthetic: {kind: linear}}\nmodel: {layers: [{units: 1}]}\ntraining: {epochs: 0}\n");

        var run = CliRun.Of("plan", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:4:20: training.epochs must be at least 1, got '0'\n1 problem found; nothing was run.\n", run.Error);
        Assert.Empty(run.Output);
    }
}
