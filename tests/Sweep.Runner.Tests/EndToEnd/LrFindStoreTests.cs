using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// `sweep lr-find FILE --db PATH` stores its range test beside the experiment's trials, under the version `sweep run`
/// registers for the same file; `sweep best` and the reports show the newest such test.
/// </summary>
public sealed class LrFindStoreTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Lr_find_with_a_db_stores_every_step_and_best_suggests_the_rate_it_printed()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.01, 0.1, 1"));

        var found = LrFind(file, "--format", "json");

        Assert.Equal(0, found.ExitCode);
        var printed = JsonDocument.Parse(found.Output).RootElement;
        var suggestion = printed.GetProperty("suggestion").GetDouble();
        var steps = printed.GetProperty("steps").GetArrayLength();
        var id = printed.GetProperty("stored").GetProperty("range_test_id").GetString();
        Assert.Equal(50, steps);
        Assert.Equal(steps, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests WHERE trial_id = @Id", new { Id = id }));
        Assert.Equal(1e-5, folder.Scalar<double>("SELECT learning_rate FROM range_tests WHERE step = 0"), 1e-15);
        Assert.Equal(0, folder.Scalar<int>("SELECT COUNT(*) FROM trials"));

        var best = JsonDocument.Parse(folder.Command("best", "--experiment", "y3x", "--format", "json").Output).RootElement;
        Assert.Equal(suggestion, best.GetProperty("learning_rate").GetDouble());
        Assert.Equal("lr-find", best.GetProperty("strategy").GetString());
        Assert.Equal(id, best.GetProperty("trial_id").GetString());
        Assert.StartsWith(
            $"Best learning rate of 'y3x' (version 1): {suggestion.ToString("G4", CultureInfo.InvariantCulture)}\n",
            folder.Command("best", "--experiment", "y3x").Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Lr_find_again_with_the_same_settings_replaces_its_test_and_other_settings_keep_their_own()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());

        Assert.Equal(0, LrFind(file).ExitCode);
        Assert.Equal(0, LrFind(file).ExitCode);

        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM lr_find_tests"));
        Assert.Equal(50, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests"));
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM experiments"));

        Assert.Equal(0, CliRun.Of("lr-find", file, "--db", folder.DbPath, "--steps", "30", "--min", "1e-5", "--max", "1").ExitCode);

        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM lr_find_tests"));
        Assert.Equal(80, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests"));
        var best = JsonDocument.Parse(folder.Command("best", "--experiment", "y3x", "--format", "json").Output).RootElement;
        Assert.Equal(30, best.GetProperty("steps").GetInt32());
    }

    [Fact]
    public void Lr_find_and_a_grid_run_of_the_same_file_share_a_version_and_the_grid_pick_stands()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.01, 0.1, 1"));
        var suggestion = JsonDocument.Parse(LrFind(file, "--format", "json").Output).RootElement.GetProperty("suggestion").GetDouble();

        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);

        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM experiments"));
        var best = JsonDocument.Parse(folder.Command("best", "--experiment", "y3x", "--format", "json").Output).RootElement;
        Assert.Equal(0.1, best.GetProperty("learning_rate").GetDouble());
        Assert.Equal(4, best.GetProperty("trials_run").GetInt32());
        var rangeTest = best.GetProperty("range_test");
        Assert.Equal(suggestion, rangeTest.GetProperty("suggestion").GetDouble());
        Assert.Equal(50, rangeTest.GetProperty("steps").GetInt32());
        Assert.True(rangeTest.GetProperty("min_over_ten").GetDouble() > 0);

        var text = folder.Command("best", "--experiment", "y3x").Output;
        Assert.StartsWith("Best learning rate of 'y3x' (version 1): 0.1\n", text, StringComparison.Ordinal);
        Assert.Contains($"steps): suggested learning rate {suggestion.ToString("G4", CultureInfo.InvariantCulture)};", text, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder.OutPath, "report.html"));
        Assert.Contains("<section id=\"range-test\">", html, StringComparison.Ordinal);
        Assert.Matches($">\\s*suggested {Regex.Escape(suggestion.ToString("G4", CultureInfo.InvariantCulture))}\\s*</text>", html);
        Assert.Contains("<section id=\"loss-curves\">", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.OutPath, "range-test.png")));
        Assert.Contains(
            $"sweep lr-find (50 steps) suggests learning rate {suggestion.ToString("G4", CultureInfo.InvariantCulture)}",
            File.ReadAllText(Path.Combine(folder.OutPath, "summary.md")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_coarse_to_fine_search_beside_a_stored_test_picks_and_tells_what_it_does_without_one()
    {
        using var alone = new SweepFolder();
        var file = folder.Write("c2f.yaml", Experiments.LinearCoarseToFine(budget: 12));
        var suggestion = JsonDocument.Parse(LrFind(file, "--format", "json").Output).RootElement.GetProperty("suggestion").GetDouble();

        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        Assert.Equal(0, alone.Run(alone.Write("c2f.yaml", Experiments.LinearCoarseToFine(budget: 12)), "--quiet").ExitCode);

        var best = JsonDocument.Parse(folder.Command("best", "--experiment", "y3x-c2f", "--format", "json").Output).RootElement;
        var bestAlone = JsonDocument.Parse(alone.Command("best", "--experiment", "y3x-c2f", "--format", "json").Output).RootElement;
        Assert.Equal("coarse-to-fine", best.GetProperty("strategy").GetString());
        Assert.Equal(bestAlone.GetProperty("learning_rate").GetDouble(), best.GetProperty("learning_rate").GetDouble());
        Assert.Equal(bestAlone.GetProperty("story").ToString(), best.GetProperty("story").ToString());
        Assert.Equal(suggestion, best.GetProperty("range_test").GetProperty("suggestion").GetDouble());
        var text = folder.Command("best", "--experiment", "y3x-c2f").Output.TrimEnd().Split('\n');
        Assert.Equal(alone.Command("best", "--experiment", "y3x-c2f").Output.TrimEnd().Split('\n'), text[..^1]);
        Assert.StartsWith("Range test ", text[^1], StringComparison.Ordinal);
        Assert.Contains("<section id=\"range-test\">", File.ReadAllText(Path.Combine(folder.OutPath, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_run_without_a_stored_test_shows_no_range_test()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.001, 0.01, 0.1, 1"));

        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);

        var best = JsonDocument.Parse(folder.Command("best", "--experiment", "y3x", "--format", "json").Output).RootElement;
        Assert.Equal(JsonValueKind.Null, best.GetProperty("range_test").ValueKind);
        Assert.DoesNotContain("Range test", folder.Command("best", "--experiment", "y3x").Output, StringComparison.Ordinal);
        Assert.DoesNotContain("range-test", File.ReadAllText(Path.Combine(folder.OutPath, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Lr_find_with_a_db_that_cannot_be_a_store_says_so_in_one_line_and_exits_3()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        var notAFolder = folder.Write("file", "");

        var run = CliRun.Of("lr-find", file, "--db", Path.Combine(notAFolder, "sweep.db"));

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"sweep: The store '{Path.Combine(notAFolder, "sweep.db")}' cannot be created or written", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void An_interrupted_lr_find_stores_nothing_and_exits_130()
    {
        // Tiny rates over a million mini-batches: the test runs for seconds, far past the stop.
        var file = folder.Write("spiral.yaml", Experiments.Spiral("spiral", trials: 1, epochs: 10));
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = CliRun.Of(["lr-find", file, "--db", folder.DbPath, "--steps", "1000000", "--min", "1e-7", "--max", "1e-6"], stop.Token);

        Assert.Equal(130, run.ExitCode);
        Assert.Contains($"nothing was stored in '{folder.DbPath}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, folder.Scalar<int>("SELECT COUNT(*) FROM experiments"));
        Assert.Equal(0, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests"));
        Assert.Equal(0, folder.Scalar<int>("SELECT COUNT(*) FROM lr_find_tests"));
    }

    private CliRun LrFind(string file, params string[] options) =>
        CliRun.Of(["lr-find", file, "--db", folder.DbPath, "--steps", "50", "--min", "1e-5", "--max", "1", .. options]);
}
