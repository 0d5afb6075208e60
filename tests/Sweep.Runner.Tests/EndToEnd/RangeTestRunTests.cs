using System.Text.Json;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>`sweep run` of a `strategy: lr-range-test` experiment stores every step, and `sweep best` reads its suggestion back.</summary>
public sealed class RangeTestRunTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_range_test_run_stores_each_step_and_best_suggests_a_stored_rate_in_the_steep_region()
    {
        var file = folder.Write("find.yaml", Experiments.LinearRangeTest());

        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);

        var best = JsonDocument.Parse(folder.Command("best", "--experiment", "find", "--format", "json").Output).RootElement;
        var steps = best.GetProperty("steps").GetInt32();
        Assert.Equal(steps, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests"));
        Assert.Equal(1e-5, folder.Scalar<double>("SELECT learning_rate FROM range_tests WHERE step = 0"), 1e-12);
        var suggestion = best.GetProperty("learning_rate").GetDouble();
        Assert.Equal(1, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests WHERE learning_rate = @Rate", new { Rate = suggestion }));
        // Full-batch gradient descent on y = 3x makes real progress per step from about 1e-3 and diverges past 2/16.7 = 0.12.
        Assert.InRange(suggestion, 1e-3, 0.12);
        Assert.Equal("steepest_fall", best.GetProperty("metric").GetString());
        Assert.True(best.GetProperty("value").GetDouble() < 0);
        Assert.Equal(best.GetProperty("min_loss_rate").GetDouble() / 10, best.GetProperty("min_loss_rate_over_ten").GetDouble(), 1e-12);

        Assert.Equal(0, folder.Run(file, "--quiet").ExitCode);
        Assert.Equal(0, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE run_id = 2"));
        Assert.Equal(steps, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests"));
    }

    [Fact]
    public void A_range_test_stopped_before_it_ends_is_interrupted_with_no_step_stored()
    {
        // A million mini-batches of a spiral MLP at rates too small to explode take far longer than the stop.
        var file = folder.Write("slow-find.yaml", """
            name: slow-find
            data:
              synthetic: {kind: spiral, n: 600, classes: 3, noise: 0.5}
            model:
              layers: [{units: 16, activation: tanh}, {units: 3, activation: softmax}]
            training: {epochs: 1, loss: cce, batch: 32}
            search:
              strategy: lr-range-test
              min: 1e-9
              max: 1e-8
              steps: 1000000
            """);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var run = folder.Run(file, stop.Token);

        Assert.Equal(130, run.ExitCode);
        Assert.Equal("interrupted", folder.Scalar<string>("SELECT status FROM trials"));
        Assert.Equal(0, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests"));
        Assert.Contains("interrupted after 0 epochs; it runs again on resume", run.All, StringComparison.Ordinal);
    }
}
