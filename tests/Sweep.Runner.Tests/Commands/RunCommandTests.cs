namespace Sweep.Runner.Tests.Commands;

public sealed class RunCommandTests
{
    private static string Experiment(string yaml)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sweep-run-").FullName, "experiment.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    [Fact]
    public void Run_trains_every_trial_and_ranks_the_finished_ones()
    {
        var file = Experiment("""
            name: y3x
            data:
              inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
            model:
              layers: [{units: 1}]
              init: zeros
            training: {epochs: 200, batch: full}
            search:
              parameters:
                training.learning_rate: [0.001, 0.01, 1]
            """);

        var run = CliRun.Of("run", file, "--parallel", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Running 3 trials of 'y3x' on 2 workers.", run.Output, StringComparison.Ordinal);
        Assert.Contains("(training.learning_rate=1): diverged", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n1\s+[0-9a-f]{16}\s+0\.01\s", run.Output);
        Assert.Matches(@"\n2\s+[0-9a-f]{16}\s+0\.001\s", run.Output);
        Assert.Contains("2 completed, 1 diverged. Best: trial", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_stops_before_training_when_a_data_file_is_bad()
    {
        var file = Experiment("""
            name: bad-csv
            data:
              csv: {path: points.csv, target: y}
            model:
              layers: [{units: 1}]
            training: {epochs: 5}
            """);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(file)!, "points.csv"), "x,y\n1,3\n2,six\n");

        var run = CliRun.Of("run", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("points.csv:3: column 'y' holds 'six'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_rejects_zero_workers()
    {
        Assert.Equal(2, CliRun.Of("run", RepositoryFiles.Experiment("quickstart.yaml"), "--parallel", "0").ExitCode);
    }
}
