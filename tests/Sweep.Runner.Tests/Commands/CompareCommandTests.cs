using System.Text.Json;

namespace Sweep.Runner.Tests.Commands;

/// <summary>
/// `sweep compare` on real stores: the latest run's choice against the run before it (another version of the file,
/// or an earlier run of a resumed search), what changed, and the --max-regression gate's exit 4.
/// </summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_new_version_that_finds_a_better_rate_is_compared_with_the_run_of_the_version_before()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.0001"));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        folder.Write("y3x.yaml", Experiments.Linear(rates: "0.0001, 0.1"));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);

        var compare = folder.Command("compare", "--experiment", "y3x", "--format", "json", "--max-regression", "0");

        Assert.Equal(0, compare.ExitCode);
        var root = JsonDocument.Parse(compare.Output).RootElement;
        var (latest, baseline) = (root.GetProperty("latest"), root.GetProperty("baseline"));
        Assert.Equal((2, 2), (latest.GetProperty("run_id").GetInt32(), latest.GetProperty("version").GetInt32()));
        Assert.Equal((1, 1), (baseline.GetProperty("run_id").GetInt32(), baseline.GetProperty("version").GetInt32()));
        Assert.Equal((0.0001, 0.1), (baseline.GetProperty("value").GetDouble(), latest.GetProperty("value").GetDouble()));
        Assert.Equal((1, 2), (baseline.GetProperty("trials_run").GetInt32(), latest.GetProperty("trials_run").GetInt32()));
        Assert.Equal(LossAt(1, 0.0001), baseline.GetProperty("loss").GetDouble());
        Assert.Equal(LossAt(2, 0.1), latest.GetProperty("loss").GetDouble());
        Assert.Equal(("slow", "good"), (DiagnosisAt(1, 0.0001), DiagnosisAt(2, 0.1)));
        Assert.Equal(("slow", "good"), (baseline.GetProperty("diagnosis").GetString(), latest.GetProperty("diagnosis").GetString()));
        Assert.False(root.GetProperty("regression").GetBoolean());
        Assert.True(root.GetProperty("loss_change_percent").GetDouble() < -99);
        Assert.Equal(
            ["learning rate", "final train loss", "diagnosis", "trials run", "training.learning_rate"],
            root.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void A_worse_choice_past_max_regression_exits_4_and_says_by_how_much()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.0001, 0.001", epochs: 300));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        folder.Write("y3x.yaml", Experiments.Linear(rates: "0.0001, 0.001", epochs: 100));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        var percent = (LossAt(2, 0.001) - LossAt(1, 0.001)) / LossAt(1, 0.001) * 100;
        Assert.True(percent > 10, $"fewer epochs should leave a higher loss, not {percent}%");

        var gated = folder.Command("compare", "--experiment", "y3x", "--max-regression", "10");
        var tolerant = folder.Command("compare", "--experiment", "y3x", "--max-regression", (percent + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ungated = folder.Command("compare", "--experiment", "y3x");

        Assert.Equal(4, gated.ExitCode);
        Assert.Contains($"Regression: the chosen configuration's loss is {percent:0.##}% worse than run 1's, more than --max-regression 10%.", gated.Output, StringComparison.Ordinal);
        Assert.Matches(@"final train loss\s+\S+\s+\S+\s+[0-9.]+% worse", gated.Output);
        Assert.Equal(0, tolerant.ExitCode);
        Assert.Contains("Within --max-regression", tolerant.Output, StringComparison.Ordinal);
        Assert.Equal(0, ungated.ExitCode);
        Assert.DoesNotContain("regression", ungated.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_resumed_search_compares_the_choice_each_run_had_made_when_it_ended()
    {
        var file = folder.Write("y3x.yaml", Experiments.LinearCoarseToFine(budget: 9));
        Assert.Equal(0, folder.Run(file, "--quiet", "--max-trials", "6").ExitCode);
        var afterFirst = JsonDocument.Parse(folder.Command("best", "--experiment", "y3x-c2f", "--format", "json").Output).RootElement;
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        var afterSecond = JsonDocument.Parse(folder.Command("best", "--experiment", "y3x-c2f", "--format", "json").Output).RootElement;

        var compare = folder.Command("compare", "--experiment", "y3x-c2f", "--format", "json");

        Assert.Equal(0, compare.ExitCode);
        var root = JsonDocument.Parse(compare.Output).RootElement;
        var (latest, baseline) = (root.GetProperty("latest"), root.GetProperty("baseline"));
        Assert.Equal((1, 1), (baseline.GetProperty("run_id").GetInt32(), baseline.GetProperty("version").GetInt32()));
        Assert.Equal((6, 9), (baseline.GetProperty("trials_run").GetInt32(), latest.GetProperty("trials_run").GetInt32()));
        Assert.Equal(afterFirst.GetProperty("learning_rate").GetDouble(), baseline.GetProperty("value").GetDouble());
        Assert.Equal(afterFirst.GetProperty("value").GetDouble(), baseline.GetProperty("loss").GetDouble());
        Assert.Equal(afterFirst.GetProperty("trial_id").GetString(), baseline.GetProperty("trial_id").GetString());
        Assert.Equal(afterSecond.GetProperty("learning_rate").GetDouble(), latest.GetProperty("value").GetDouble());
        Assert.Equal(afterSecond.GetProperty("value").GetDouble(), latest.GetProperty("loss").GetDouble());
    }

    [Fact]
    public void Markdown_shows_every_row_as_a_table_for_a_job_summary()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear(rates: "0.0001"));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        folder.Write("y3x.yaml", Experiments.Linear(rates: "0.0001, 0.1"));
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);

        var compare = folder.Command("compare", "--experiment", "y3x", "--format", "md", "--max-regression", "5");

        Assert.Equal(0, compare.ExitCode);
        Assert.StartsWith("## y3x: what changed since run 1\n", compare.Output, StringComparison.Ordinal);
        Assert.Contains("| | run 1 | run 2 | change |\n|---|---|---|---|\n| learning rate | 0.0001 | 0.1 | changed |\n", compare.Output, StringComparison.Ordinal);
        Assert.Contains("| diagnosis | slow | good | changed |\n| trials run | 1 | 2 | +1 |\n| training.learning_rate | 0.0001 | 0.1 | changed |\n", compare.Output, StringComparison.Ordinal);
        Assert.Contains("Within --max-regression 5%.", compare.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_run_once_has_no_earlier_run_and_exits_2_with_one_line()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);

        var compare = folder.Command("compare", "--experiment", "y3x", "--max-regression", "5");

        Assert.Equal(2, compare.ExitCode);
        Assert.Equal("sweep: 'y3x' has no earlier run to compare run 1 with (no run had ended when it started).\n", compare.Error);
        Assert.Equal("", compare.Output);
    }

    [Fact]
    public void A_baseline_that_is_not_a_run_of_the_experiment_exits_2()
    {
        Assert.Equal(0, folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet").ExitCode);

        var compare = folder.Command("compare", "--experiment", "y3x", "--baseline", "7");

        Assert.Equal(2, compare.ExitCode);
        Assert.Equal("sweep: run 7 is not a run of 'y3x'; 'sweep list' shows its runs.\n", compare.Error);
    }

    [Fact]
    public void A_run_whose_trials_fresh_trained_again_cannot_be_a_baseline()
    {
        var file = folder.Write("y3x.yaml", Experiments.Linear());
        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        Assert.Equal(0, folder.Run(file, "--quiet", "--fresh").ExitCode);

        var compare = folder.Command("compare", "--experiment", "y3x");

        Assert.Equal(2, compare.ExitCode);
        Assert.Contains("run 1 of 'y3x' has no finished trial left in the store", compare.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("five")]
    public void A_max_regression_that_is_not_a_percentage_is_one_sentence_and_exit_2(string value)
    {
        var compare = CliRun.Of("compare", "--experiment", "y3x", "--max-regression", value);

        Assert.Equal(2, compare.ExitCode);
        Assert.StartsWith("sweep: ", compare.Error, StringComparison.Ordinal);
        Assert.Contains("--max-regression", compare.Error, StringComparison.Ordinal);
    }

    private string DiagnosisAt(int version, double rate) => folder.Scalar<string>(
        "SELECT t.diagnosis FROM trials t JOIN experiments e ON e.id = t.experiment_id WHERE e.version = @version AND t.learning_rate = @rate",
        new { version, rate });

    /// <summary>The final training loss a version's trial at <paramref name="rate"/> stored.</summary>
    private double LossAt(int version, double rate) => folder.Scalar<double>(
        "SELECT t.final_train_loss FROM trials t JOIN experiments e ON e.id = t.experiment_id WHERE e.version = @version AND t.learning_rate = @rate",
        new { version, rate });
}
