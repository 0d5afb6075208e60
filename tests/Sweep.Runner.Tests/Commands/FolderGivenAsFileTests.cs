namespace Sweep.Runner.Tests.Commands;

/// <summary>A folder where a file belongs (the experiment, a data file, the store) is named as a folder, exit 2, and nothing is stored.</summary>
public sealed class FolderGivenAsFileTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    [InlineData("run", "--db", "STORE")]
    [InlineData("lr-find", "--db", "STORE")]
    public void An_experiment_file_that_is_a_folder_is_named_as_one(string command, params string[] options)
    {
        var experiment = Directory.CreateDirectory(Path.Combine(folder.Root, "experiment.yaml")).FullName;

        var run = CliRun.Of([command, experiment, .. options.Select(o => o == "STORE" ? folder.DbPath : o)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{experiment}: this is a folder, not a file; give the path of the experiment's YAML file\n", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DbPath));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public void A_data_file_that_is_a_folder_is_named_as_one(string command)
    {
        Directory.CreateDirectory(Path.Combine(folder.Root, "points.csv"));
        var experiment = folder.Write("csv.yaml", """
            name: csv
            data:
              csv: {path: points.csv, target: y}
            model:
              layers: [{units: 1}]
            training: {epochs: 5, batch: full}
            """);

        var run = command == "run" ? folder.Run(experiment) : CliRun.Of(command, experiment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("data.csv.path names points.csv, which is a folder, not a file", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DbPath));
    }

    [Theory]
    [InlineData("run", "EXPERIMENT", "--out", "OUT")]
    [InlineData("lr-find", "EXPERIMENT")]
    [InlineData("report", "--out", "OUT")]
    [InlineData("best", "y3x")]
    [InlineData("compare", "y3x")]
    [InlineData("show", "y3x")]
    [InlineData("list")]
    [InlineData("worker", "--idle-exit", "1s", "--out", "OUT")]
    public void A_store_that_is_a_folder_is_named_as_one_and_exits_2(string command, params string[] arguments)
    {
        var experiment = folder.Write("y3x.yaml", Experiments.Linear());
        var store = Directory.CreateDirectory(Path.Combine(folder.Root, "results.db")).FullName;

        var run = CliRun.Of([command, .. arguments.Select(a => a switch { "EXPERIMENT" => experiment, "OUT" => folder.OutPath, _ => a }), "--db", store]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"sweep: --db '{store}' is a folder, not a file; pass a SQLite file (created when missing) or a PostgreSQL URL.\n", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(store));
        Assert.False(Directory.Exists(folder.OutPath));
    }
}
