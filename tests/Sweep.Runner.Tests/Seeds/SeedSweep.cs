using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>
/// One experiment of experiments/seeds/ run by the real `sweep` executable (a child process, as a user or
/// a CI job runs it) into a fresh store and output folder, with what it printed and the reports it wrote.
/// </summary>
internal sealed class SeedSweep : IDisposable
{
    // The longest seed experiment takes seconds; this only bounds a hang on a busy agent.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private SeedSweep(SweepFolder folder, CliRun run)
    {
        Folder = folder;
        Run = run;
    }

    public SweepFolder Folder { get; }

    /// <summary>The exit code and everything `sweep run` printed.</summary>
    public CliRun Run { get; }

    public static string File(string name) => RepositoryFiles.Experiment(Path.Combine("seeds", name));

    /// <summary>`sweep run experiments/seeds/NAME --db FOLDER/sweep.db --out FOLDER/out`; fails the test unless it exits 0.</summary>
    public static async Task<SeedSweep> RunAsync(string name) => await RunAsync(File(name), new SweepFolder());

    public static async Task<SeedSweep> RunAsync(string file, SweepFolder folder)
    {
        var run = await CommandAsync("run", file, "--db", folder.DbPath, "--out", folder.OutPath);
        Assert.True(run.ExitCode == 0, $"sweep run {file} exited {run.ExitCode}: {run.All}");
        return new SeedSweep(folder, run);
    }

    /// <summary>Any `sweep` command as a child process.</summary>
    public static async Task<CliRun> CommandAsync(params string[] args)
    {
        using var process = SweepProcess.Start(args);
        var code = await process.ExitCodeAsync(Patience);
        return new CliRun(code, string.Join('\n', process.Lines), process.Error);
    }

    /// <summary>A command on this sweep's store, e.g. `sweep best --experiment NAME --db ...`.</summary>
    public Task<CliRun> CommandOnStoreAsync(params string[] args) => CommandAsync([.. args, "--db", Folder.DbPath]);

    public string Report(string file) => System.IO.File.ReadAllText(Path.Combine(Folder.OutPath, file));

    /// <summary>The rows of a CSV report, each as column name → cell (the reports quote no cell these experiments write).</summary>
    public List<Dictionary<string, string>> CsvReport(string file)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(Folder.OutPath, file));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    /// <summary>The stored epochs of every trial, by learning rate then epoch.</summary>
    public List<(double Rate, int Epoch, double TrainLoss, double? ValLoss, double WeightNorm)> Epochs() =>
        Folder.Query<(double, int, double, double?, double)>("""
            SELECT t.learning_rate, e.epoch, e.train_loss, e.val_loss, e.weight_norm
            FROM epochs e JOIN trials t ON t.experiment_id = e.experiment_id AND t.id = e.trial_id
            ORDER BY t.learning_rate, e.epoch
            """);

    public void Dispose() => Folder.Dispose();
}
