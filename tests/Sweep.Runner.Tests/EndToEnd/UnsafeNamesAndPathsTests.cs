namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// What the real executable does with a name that reads as a path and with an --out it cannot write into:
/// every file stays inside --out, and a bad folder is one sentence, exit 2, with nothing written.
/// </summary>
public sealed class UnsafeNamesAndPathsTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Report_of_every_experiment_keeps_a_name_that_climbs_out_inside_out()
    {
        var work = Directory.CreateDirectory(Path.Combine(folder.Root, "deep", "work")).FullName;
        Assert.Equal(0, folder.Run(folder.Write("escape.yaml", Experiments.Linear(name: "../../escaped")), "--quiet").ExitCode);
        Assert.Equal(0, folder.Run(folder.Write("nested.yaml", Experiments.Linear(name: "a/b")), "--quiet").ExitCode);

        using var report = SweepProcess.StartIn(work, "report", "--db", folder.DbPath, "--out", "reports", "--format", "csv");

        Assert.Equal(0, await report.ExitCodeAsync());
        var reports = Path.Combine(work, "reports");
        var folders = Directory.GetDirectories(reports).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, folders.Count);
        Assert.Matches("^a_b-[0-9a-f]{8}$", folders[1]);
        Assert.Matches("^_+escaped-[0-9a-f]{8}$", folders[0]);
        Assert.All(folders, f => Assert.True(File.Exists(Path.Combine(reports, f!, "trials.csv"))));
        Assert.False(Directory.Exists(Path.Combine(folder.Root, "escaped")));
        Assert.Equal(["reports"], Directory.GetFileSystemEntries(work).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Report_into_a_path_through_a_file_is_one_sentence_exit_2_and_writes_nothing()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);
        var file = folder.Write("notes.txt", "a file, not a folder");

        foreach (var target in new[] { file, Path.Combine(file, "reports") })
        {
            using var report = SweepProcess.StartIn(folder.Root, "report", "y3x", "--db", folder.DbPath, "--out", target);

            Assert.Equal(2, await report.ExitCodeAsync());
            Assert.Equal($"sweep: the output folder '{target}' cannot be used: '{file}' is a file, not a folder; pass another --out.", report.Error);
            Assert.Empty(report.Lines);
        }

        Assert.Equal("a file, not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void Report_of_every_experiment_with_out_through_a_file_writes_no_experiment()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);
        var file = folder.Write("notes.txt", "");

        var report = CliRun.Of("report", "--db", folder.DbPath, "--out", Path.Combine(file, "all"));

        Assert.Equal(2, report.ExitCode);
        Assert.Contains($"'{file}' is a file, not a folder", report.Error, StringComparison.Ordinal);
        Assert.Single(report.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Run_into_a_path_through_a_file_is_one_sentence_exit_2_and_stores_nothing()
    {
        var file = folder.Write("notes.txt", "");

        var run = CliRun.Of("run", folder.Write("y3x.yaml", Experiments.Linear()), "--db", folder.DbPath, "--out", Path.Combine(file, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"sweep: the output folder '{Path.Combine(file, "out")}' cannot be used: '{file}' is a file, not a folder; pass another --out.\n", run.Error);
        Assert.False(File.Exists(folder.DbPath));
    }

    [Fact]
    public void Worker_with_out_on_a_file_is_one_sentence_and_exit_2()
    {
        var file = folder.Write("notes.txt", "");

        var worker = CliRun.Of("worker", "--db", folder.DbPath, "--out", file, "--idle-exit", "1s");

        Assert.Equal(2, worker.ExitCode);
        Assert.Equal($"sweep: the output folder '{file}' cannot be used: '{file}' is a file, not a folder; pass another --out.\n", worker.Error);
    }
}
