using System.Collections.Concurrent;
using System.Diagnostics;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;
using Sweep.Models.Trials;
using Sweep.Runner.Progress;
using Sweep.Runner.Running;
using Sweep.Storage;

namespace Sweep.Runner.Tests.Running;

/// <summary>The scheduler on executors of the tests' own: it needs nothing from a trial but the port.</summary>
public sealed class SweepSchedulerTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_result_with_range_test_steps_is_committed_with_its_steps()
    {
        var steps = new RangeTestResult(
            [new RangeTestStep(0, 1e-4, 2, 2), new RangeTestStep(1, 1e-3, 1.5, 1.7)], 1e-3, -0.3, 1e-3, RangeTestStop.Completed, "ran all 2 steps");
        var executor = new FixedExecutor(trial => new TrialResult(trial.Id, TrialStatus.Completed, [], null, 0.1) { RangeTest = steps });

        var results = await RunAsync(executor);

        Assert.Equal(3, results.Count);
        Assert.Equal(3, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(6, folder.Scalar<int>("SELECT COUNT(*) FROM range_tests"));
        Assert.Equal(1.7, folder.Scalar<double>("SELECT MAX(smoothed_loss) FROM range_tests WHERE step = 1"));
    }

    [Fact]
    public async Task An_executor_that_throws_fails_its_trial_with_the_message_and_the_others_go_on()
    {
        var executor = new FixedExecutor(trial => trial.Number == 2
            ? throw new InvalidOperationException("the trainer is not there")
            : new TrialResult(trial.Id, TrialStatus.Completed, [new EpochRecord(1, 0.5, null, null, 0.01, 1, 1, 0.001)], null, 0.1));

        await RunAsync(executor);

        Assert.Equal("the trainer is not there", folder.Scalar<string>("SELECT error FROM trials WHERE number = 2 AND status = 'failed'"));
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(2, folder.Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Theory]
    [InlineData(2, 3, 3)]
    [InlineData(4, 5, 5)]
    [InlineData(4, 7, 7)]
    [InlineData(2, 4, 2)]
    [InlineData(2, 400, 2)]
    [InlineData(2, 1, 2)]
    [InlineData(1, 1, 1)]
    [InlineData(1, 3, 1)]
    public void More_trials_than_workers_are_in_flight_only_when_fewer_than_twice_the_workers_are_left(int workers, int left, int inFlight)
    {
        Assert.Equal(inFlight, SweepScheduler.TrialsInFlight(workers, left));
    }

    [Fact]
    public async Task Three_trials_left_on_two_workers_take_turns_so_the_third_starts_before_the_others_end()
    {
        var executor = new SteppingExecutor();

        var results = await RunAsync(executor, trialsLeft: 3);

        Assert.Equal(3, results.Count);
        Assert.True(executor.MostAtOnce <= 2, $"{executor.MostAtOnce} trials computed at once on 2 workers");
        var lastStart = executor.FirstSteps.Values.Max();
        Assert.All(executor.LastSteps.Values, end => Assert.True(end > lastStart, "a trial ended before the third had its first turn"));
    }

    [Fact]
    public async Task Without_knowing_how_many_are_left_the_third_trial_waits_for_a_worker()
    {
        var executor = new SteppingExecutor();

        await RunAsync(executor);

        var lastStart = executor.FirstSteps.Values.Max();
        Assert.Contains(executor.LastSteps.Values, end => end < lastStart);
    }

    private async Task<List<TrialResult>> RunAsync(ITrialExecutor executor, int? trialsLeft = null)
    {
        var loaded = ExperimentLoader.Parse(Experiments.Linear(), "y3x.yaml", folder.Root);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var trials = TrialPlanner.Plan(loaded.Experiment!).Trials;
        using var store = ResultStores.Open(folder.DbPath);
        var registration = store.RegisterExperiment(loaded.Experiment!);
        store.AddPlannedTrials(registration.Id, trials);
        var runId = store.StartRun(registration.Id, "test");
        var target = new SweepTarget(registration.Id, runId, new TrialPlans(trials));
        var progress = new PlainProgress(Serilog.Core.Logger.None, trials.Length, 0);

        var results = await new SweepScheduler(store, executor, progress, Serilog.Core.Logger.None).RunAsync(target, workers: 2, null, CancellationToken.None, trialsLeft);

        store.FinishRun(runId, RunStatus.Completed);
        return [.. results];
    }

    /// <summary>Computes 200 steps of a millisecond of the clock, passing its turn between steps as the engine does between batches.</summary>
    private sealed class SteppingExecutor : ITrialExecutor
    {
        private int computing;
        private int mostAtOnce;

        public ConcurrentDictionary<string, long> FirstSteps { get; } = new();

        public ConcurrentDictionary<string, long> LastSteps { get; } = new();

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public TrialResult Run(TrialPlan trial, ThreadBudget threads, Action<EpochRecord>? onEpoch, CancellationToken cancellationToken)
        {
            FirstSteps[trial.Id] = Stopwatch.GetTimestamp();
            for (var step = 0; step < 200; step++)
            {
                var now = Interlocked.Increment(ref computing);
                int seen;
                while ((seen = Volatile.Read(ref mostAtOnce)) < now && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen)
                {
                }

                var started = Stopwatch.StartNew();
                while (started.Elapsed < TimeSpan.FromMilliseconds(1))
                {
                    Thread.SpinWait(100);
                }

                Interlocked.Decrement(ref computing);
                threads.Pass();
            }

            LastSteps[trial.Id] = Stopwatch.GetTimestamp();
            return new TrialResult(trial.Id, TrialStatus.Completed, [new EpochRecord(1, 0.5, null, null, 0.01, 1, 1, 0.1)], null, 0.1);
        }
    }

    private sealed class FixedExecutor(Func<TrialPlan, TrialResult> run) : ITrialExecutor
    {
        public TrialResult Run(TrialPlan trial, ThreadBudget threads, Action<EpochRecord>? onEpoch, CancellationToken cancellationToken) => run(trial);
    }
}
