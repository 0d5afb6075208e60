namespace Sweep.Runner.Tests.Commands;

/// <summary>
/// Trials are content-addressed across versions: an edit that leaves every trial the same is the same
/// version, and a finished trial planned again in a new version is taken from the store, not trained.
/// </summary>
public sealed class TrialReuseTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_comment_and_description_edit_trains_no_trial_and_stays_version_one_with_the_new_text()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        Assert.Equal(0, folder.Run(file).ExitCode);
        var before = folder.Query<(string Id, long RunId, string Ended)>("SELECT id, run_id, ended FROM trials ORDER BY id");
        var edited = "# tuned by hand, see the notes\ndescription: y = 3x, three rates\n" + Experiments.Linear();
        File.WriteAllText(file, edited);

        var again = folder.Run(file);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("All 3 trials of 'y3x' are already finished", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("version 2", again.Output + again.Error, StringComparison.Ordinal);
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM experiments"));
        Assert.Equal(edited, folder.Scalar<string>("SELECT yaml FROM experiments"));
        Assert.Equal(before, folder.Query<(string Id, long RunId, string Ended)>("SELECT id, run_id, ended FROM trials ORDER BY id"));
    }

    [Fact]
    public void Changing_search_parallel_is_not_a_new_version()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        Assert.Equal(0, folder.Run(file).ExitCode);
        File.WriteAllText(file, Experiments.Linear() + "\n  parallel: 1\n");

        var again = folder.Run(file);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("All 3 trials of 'y3x' are already finished", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM experiments"));
    }

    [Fact]
    public void Adding_one_grid_value_trains_exactly_that_trial_and_reuses_the_others()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        Assert.Equal(0, folder.Run(file).ExitCode);
        var finished = folder.Query<(string Id, string Status, int Epochs)>("SELECT id, status, epochs FROM trials ORDER BY id");
        File.WriteAllText(file, Experiments.Linear(rates: "0.001, 0.01, 1, 0.005"));

        var grown = folder.Run(file);

        Assert.Equal(0, grown.ExitCode);
        Assert.Contains("Reused 3 trials finished in version 1", grown.Output, StringComparison.Ordinal);
        var trained = folder.Query<(double Rate, long RunId)>(
            "SELECT t.learning_rate, t.run_id FROM trials t JOIN experiments e ON e.id = t.experiment_id WHERE e.version = 2 AND t.reused_from IS NULL");
        Assert.Equal([(0.005, 2L)], trained);
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE run_id = 2"));
        Assert.Equal(finished, folder.Query<(string Id, string Status, int Epochs)>(
            "SELECT t.id, t.status, t.epochs FROM trials t JOIN experiments e ON e.id = t.experiment_id WHERE e.version = 2 AND t.reused_from IS NOT NULL ORDER BY t.id"));
        Assert.Equal(
            folder.Scalar<int>("SELECT COUNT(*) FROM epochs e JOIN experiments x ON x.id = e.experiment_id WHERE x.version = 1"),
            folder.Scalar<int>("SELECT COUNT(*) FROM epochs e JOIN experiments x ON x.id = e.experiment_id JOIN trials t ON t.experiment_id = e.experiment_id AND t.id = e.trial_id WHERE x.version = 2 AND t.reused_from IS NOT NULL"));
        Assert.Contains("3 completed, 1 diverged. Best: trial", grown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fresh_trains_every_trial_of_the_new_version_again()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        Assert.Equal(0, folder.Run(file).ExitCode);
        File.WriteAllText(file, Experiments.Linear(rates: "0.001, 0.01, 1, 0.005"));

        var fresh = folder.Run(file, "--fresh");

        Assert.Equal(0, fresh.ExitCode);
        Assert.DoesNotContain("Reused", fresh.Output, StringComparison.Ordinal);
        Assert.Equal(4, folder.Scalar<int>("SELECT COUNT(*) FROM trials t JOIN experiments e ON e.id = t.experiment_id WHERE e.version = 2 AND t.run_id = 2 AND t.reused_from IS NULL"));
    }

    [Fact]
    public void A_failed_trial_of_an_earlier_version_runs_again()
    {
        var file = Experiments.Failing(folder);
        Assert.Equal(1, folder.Run(file).ExitCode);
        File.WriteAllText(file, File.ReadAllText(file).Replace("[3, 2]", "[3, 2, 4]", StringComparison.Ordinal));

        var again = folder.Run(file);

        Assert.Contains("Reused 1 trial finished in version 1", again.Output, StringComparison.Ordinal);
        Assert.Equal(
            [(2, "failed", 2L), (3, "completed", 1L)],
            folder.Query<(int Units, string Status, long RunId)>(
                "SELECT json_extract(t.parameters, '$.\"params.units\"'), t.status, t.run_id FROM trials t JOIN experiments e ON e.id = t.experiment_id WHERE e.version = 2 AND json_extract(t.parameters, '$.\"params.units\"') IN (2, 3) ORDER BY 1"));
    }
}
