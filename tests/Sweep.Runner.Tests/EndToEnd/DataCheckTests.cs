namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// The real executable reads the data before it trains: a bad data file or a model that does not fit the data
/// is one message naming where it is, from validate, plan, run and worker alike; exit 2, and nothing stored.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class DataCheckTests : IDisposable
{
    private const string ThreeClasses = "a,b,kind\n1,2,cat\n3,4,dog\n5,6,owl\n";

    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("a,y\n1,2\nx,4\n", "data.csv:3: column 'a' holds 'x', which is not a finite number (write numbers like 1.5 or -2e-3)")]
    [InlineData("a,y\n1,2\n3\n", "data.csv:3: 1 cells but the header has 2 columns")]
    [InlineData("a,b\n1,2\n", "data.csv:1: no column 'y' in the header; the columns are a, b")]
    public async Task Validate_reports_a_bad_csv_at_its_file_and_line_and_exits_2(string csv, string problem)
    {
        folder.Write("data.csv", csv);
        var file = folder.Write("points.yaml", "name: points\ndata:\n  csv: {path: data.csv, target: y}\nmodel:\n  layers: [{units: 1}]\ntraining: {epochs: 5}\n");

        using var validate = SweepProcess.StartIn(folder.Root, "validate", file);

        Assert.Equal(2, await validate.ExitCodeAsync());
        Assert.Equal($"{Path.Combine(folder.Root, problem)}\n1 problem found; nothing was run.", validate.Error);
        Assert.Empty(validate.Lines);
    }

    [Fact]
    public async Task Run_refuses_a_last_layer_narrower_than_the_classes_with_the_message_of_validate_and_stores_nothing()
    {
        var earlier = folder.Write("y3x.yaml", Experiments.Linear("y3x", "0.01", epochs: 5));
        using (var first = Run(earlier))
        {
            Assert.True(await first.ExitCodeAsync() == 0, first.Error);
        }

        folder.Write("animals.csv", ThreeClasses);
        var file = folder.Write("animals.yaml", Animals(lastUnits: 2));
        var expected = $"{file}:7:7: the last layer of model.layers has 2 units but the data has 3 target values per sample; set its units: 3\n1 problem found; nothing was run.";

        using var validate = SweepProcess.StartIn(folder.Root, "validate", file);
        using var run = Run(file);

        Assert.Equal(2, await validate.ExitCodeAsync());
        Assert.Equal(expected, validate.Error);
        Assert.Equal(2, await run.ExitCodeAsync());
        Assert.Equal(expected, run.Error);
        Assert.Equal(["y3x"], folder.Query<string>("SELECT name FROM experiments"));
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM trials"));
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM runs"));
    }

    [Fact]
    public void Plan_refuses_a_model_that_does_not_fit_the_data()
    {
        folder.Write("animals.csv", ThreeClasses);
        var file = folder.Write("animals.yaml", Animals(lastUnits: 2));

        var plan = CliRun.Of("plan", file);

        Assert.Equal(2, plan.ExitCode);
        Assert.StartsWith($"{file}:7:7: the last layer of model.layers has 2 units but the data has 3 target values per sample", plan.Error, StringComparison.Ordinal);
        Assert.Empty(plan.Output);
    }

    [Fact]
    public async Task A_worker_leaves_an_experiment_whose_data_no_longer_fits_its_model_to_others_without_failing_a_trial()
    {
        var csv = folder.Write("animals.csv", ThreeClasses);
        var file = folder.Write("animals.yaml", Animals(lastUnits: 3) + "search:\n  parameters:\n    training.learning_rate: [0.01, 0.1]\n");
        using (var run = Run(file, "--max-trials", "1"))
        {
            Assert.True(await run.ExitCodeAsync() == 0, run.Error);
        }

        File.AppendAllText(csv, "7,8,yak\n");
        using var worker = SweepProcess.StartIn(
            folder.Root, "worker", "--db", folder.DbPath, "--out", Path.Combine(folder.OutPath, "worker"), "--idle-exit", "1s");

        Assert.True(await worker.ExitCodeAsync() == 0, worker.Error);
        Assert.Contains(
            $"'animals' v1 cannot run on this machine, so this worker leaves it to others: {file}:7:7: the last layer of model.layers has 3 units but the data has 4 target values per sample; set its units: 4",
            worker.Error,
            StringComparison.Ordinal);
        Assert.Equal(["completed", "pending"], folder.Query<string>("SELECT status FROM trials ORDER BY number"));
    }

    private static string Animals(int lastUnits) =>
        $"name: animals\ndata:\n  csv: {{path: animals.csv, target: kind, one_hot: true}}\nmodel:\n  layers:\n    - {{units: 4, activation: relu}}\n    - {{units: {lastUnits}, activation: softmax}}\ntraining: {{epochs: 5, loss: cce}}\n";

    private SweepProcess Run(string file, params string[] options) =>
        SweepProcess.StartIn(folder.Root, ["run", file, "--db", folder.DbPath, "--out", folder.OutPath, .. options]);
}
