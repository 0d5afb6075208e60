namespace Sweep.Runner.Tests.Commands;

public sealed class ListCommandTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void List_shows_each_experiment_with_its_trials_by_status_and_its_runs()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        Assert.Equal(0, folder.Run(file).ExitCode);
        Assert.Equal(0, folder.Run(file).ExitCode);
        Assert.Equal(1, folder.Run(Experiments.Failing(folder)).ExitCode);

        var list = folder.Command("list");

        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"\nfailing\s+1\s+1\s+2\s+1\s+0\s+1\s+0\s+0\s+0\.5", list.Output);
        Assert.Matches(@"\ny3x\s+1\s+2\s+3\s+2\s+1\s+0\s+0\s+0\s+\d", list.Output);
        Assert.Matches(@"\n2\s+y3x\s+1\s+completed\s", list.Output);
        Assert.Matches(@"\n3\s+failing\s+1\s+failed\s", list.Output);
    }

    [Fact]
    public void List_of_a_store_that_does_not_exist_exits_3_and_creates_nothing()
    {
        var list = folder.Command("list");

        Assert.Equal(3, list.ExitCode);
        Assert.Contains($"there is no store at '{folder.DbPath}'", list.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DbPath));
    }

    [Fact]
    public void List_of_a_damaged_store_exits_3_naming_the_file()
    {
        File.WriteAllText(folder.DbPath, "not a database, only text pretending to be one for long enough");

        var list = folder.Command("list");

        Assert.Equal(3, list.ExitCode);
        Assert.Contains($"The file '{folder.DbPath}' is not a SQLite database", list.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", list.Error, StringComparison.Ordinal);
    }
}
