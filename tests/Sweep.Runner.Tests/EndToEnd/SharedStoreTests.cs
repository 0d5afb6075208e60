namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>Several `sweep` processes on one store at once: the store's locking, not luck, keeps them apart.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class SharedStoreTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Three_processes_on_one_store_finish_every_trial_exactly_once_without_a_locked_error()
    {
        // Trials of tens of milliseconds keep both processes of the shared experiment busy at once; the
        // other experiment's tiny trials write as fast as they can meanwhile.
        var shared = folder.Write("shared.yaml", Experiments.Spiral("shared", trials: 40, epochs: 100));
        var other = folder.Write("other.yaml", Experiments.Linear("other", string.Join(", ", Enumerable.Range(1, 80).Select(i => $"0.{i:0000}")), epochs: 300));

        using var first = Start(shared, "first");
        using var second = Start(shared, "second");
        using var third = Start(other, "third");
        var patience = TimeSpan.FromSeconds(120);
        var codes = await Task.WhenAll(first.ExitCodeAsync(patience), second.ExitCodeAsync(patience), third.ExitCodeAsync(patience));

        Assert.True(codes.All(code => code == 0), $"exit codes {string.Join(", ", codes)}: {first.Error}{second.Error}{third.Error}");
        Assert.DoesNotContain("locked", first.Error + second.Error + third.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(120, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        var ranByFirst = first.Lines.Count(IsFinishedTrial);
        var ranBySecond = second.Lines.Count(IsFinishedTrial);
        Assert.Equal(40, ranByFirst + ranBySecond);
        Assert.True(ranByFirst > 0 && ranBySecond > 0, $"first ran {ranByFirst}, second {ranBySecond}: the two did not overlap");
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(DISTINCT run_id) FROM trials t JOIN experiments e ON e.id = t.experiment_id WHERE e.name = 'shared'"));
        Assert.Equal((40 * 100) + (80 * 300), folder.Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal("ok", folder.Scalar<string>("PRAGMA integrity_check"));
    }

    private static bool IsFinishedTrial(string line) => line.Contains("): completed, loss", StringComparison.Ordinal);

    private SweepProcess Start(string file, string name) =>
        SweepProcess.Start("run", file, "--db", folder.DbPath, "--out", Path.Combine(folder.OutPath, name), "--parallel", "1");
}
