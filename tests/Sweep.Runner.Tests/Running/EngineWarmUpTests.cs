using System.Text.RegularExpressions;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Training;
using Sweep.Models.Trials;
using Sweep.Runner.Running;

namespace Sweep.Runner.Tests.Running;

public sealed class EngineWarmUpTests : IDisposable
{
    /// <summary>The debug line of a trial's start ("Trial 92e5165bdbda3db7 started (training.learning_rate=0.002)").</summary>
    private static readonly Regex TrialStarted = new(@"Trial [0-9a-f]{16} started \(", RegexOptions.CultureInvariant);

    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_run_on_the_engine_warms_it_up_before_its_first_trial_starts()
    {
        var run = folder.Run(folder.Write("spiral.yaml", Experiments.Spiral("spiral", trials: 2, epochs: 5)), "--verbose");

        Assert.Equal(0, run.ExitCode);
        var warmedUp = run.Output.IndexOf("Warmed up the engine on trial", StringComparison.Ordinal);
        var firstTrial = TrialStarted.Match(run.Output).Index;
        Assert.True(warmedUp >= 0, run.Output);
        Assert.True(warmedUp < firstTrial, run.Output);
    }

    [Fact]
    public void A_worker_warms_the_engine_up_before_its_first_trial_starts()
    {
        var file = folder.Write("spiral.yaml", Experiments.Spiral("spiral", trials: 2, epochs: 5));
        Assert.Equal(0, folder.Run(file, "--max-trials", "1").ExitCode);

        var worker = CliRun.Of("worker", "--db", folder.DbPath, "--out", Path.Combine(folder.OutPath, "worker"), "--idle-exit", "1s", "--verbose");

        Assert.Equal(0, worker.ExitCode);
        var warmedUp = worker.Output.IndexOf("Warmed up the engine on trial", StringComparison.Ordinal);
        var firstTrial = TrialStarted.Match(worker.Output);
        Assert.True(warmedUp >= 0 && firstTrial.Success, worker.Output);
        Assert.True(warmedUp < firstTrial.Index, worker.Output);
    }

    [Fact]
    public void A_run_of_a_training_program_does_not_warm_the_engine_up()
    {
        var run = folder.Run(Experiments.Failing(folder), "--verbose");

        Assert.Matches(TrialStarted, run.Output);
        Assert.DoesNotContain("Warmed up the engine", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trial_trained_after_the_warm_up_has_the_same_epochs_bit_for_bit()
    {
        var (experiment, trial) = FirstTrial(Experiments.Spiral("spiral", trials: 1, epochs: 8));
        var datasets = new DatasetCache();
        var executor = TrialExecutors.For(experiment, datasets.For, folder.OutPath);
        var alone = executor.Run(trial, new ThreadBudget(), null, CancellationToken.None).Epochs;

        await EngineWarmUp.Start(executor, trial, datasets.For, Logger.None);
        var afterWarmUp = executor.Run(trial, new ThreadBudget(), null, CancellationToken.None).Epochs;

        Assert.Equal(8, afterWarmUp.Length);
        Assert.Equal(alone.Select(e => (e.TrainLoss, e.ValidationLoss, e.Accuracy, e.WeightNorm, e.GradientNorm)),
            afterWarmUp.Select(e => (e.TrainLoss, e.ValidationLoss, e.Accuracy, e.WeightNorm, e.GradientNorm)));
    }

    [Fact]
    public async Task A_warm_up_that_fails_is_logged_and_the_run_goes_on()
    {
        var (experiment, trial) = FirstTrial(Experiments.Linear());
        var events = new CollectedEvents();
        using var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(events).CreateLogger();

        await EngineWarmUp.Start(new EngineExecutor(_ => throw new InvalidDataException("the data is gone")), trial, _ => throw new InvalidDataException("the data is gone"), log);

        var logged = Assert.Single(events.All);
        Assert.Equal(LogEventLevel.Debug, logged.Level);
        Assert.Equal("the data is gone", logged.Exception?.Message);
    }

    private (ExperimentDefinition Experiment, TrialPlan First) FirstTrial(string text)
    {
        var loaded = ExperimentLoader.Parse(text, "experiment.yaml", folder.Root);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return (loaded.Experiment!.Definition, TrialPlanner.Plan(loaded.Experiment!).Trials[0]);
    }

    private sealed class CollectedEvents : ILogEventSink
    {
        private readonly List<LogEvent> events = [];

        public IReadOnlyList<LogEvent> All => events;

        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
