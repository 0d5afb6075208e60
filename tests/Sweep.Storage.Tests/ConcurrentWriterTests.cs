using System.Collections.Concurrent;
using Sweep.Models.Search;

namespace Sweep.Storage.Tests;

public abstract class ConcurrentWriterTests(StoreKind kind) : StoreTestBase(kind)
{
    /// <summary>Passes per writer: a count, not a time, so a slow machine overlaps the writers as much as a fast one.</summary>
    private const int Passes = 20;

    [Fact]
    public void Two_stores_writing_from_two_threads_never_fail_and_leave_a_sound_file()
    {
        var setup = OpenStore();
        var (experimentId, _, trials) = Planned(setup, rates: 40, decays: 5);
        var experiment = Some.Experiment(rates: 40, decays: 5);

        // Worked out once: planning 200 trials to fingerprint them is CPU work of the caller, not a write.
        var fingerprint = Models.Search.ExperimentFingerprint.Of(experiment);
        var failures = new ConcurrentQueue<Exception>();
        var completed = new ConcurrentBag<string>();
        var writes = 0;

        void Work(int worker)
        {
            try
            {
                var store = OpenStore();
                var runId = store.StartRun(experimentId, $"worker {worker}");
                for (var pass = 0; pass < Passes; pass++)
                {
                    // Each pass: plan again, register again, claim, complete, record a range test, read back.
                    store.RegisterExperiment(experiment, fingerprint);
                    store.AddPlannedTrials(experimentId, trials);
                    if (store.ClaimNextTrial(experimentId, runId) is { } id)
                    {
                        Assert.True(store.CompleteTrial(experimentId, id, runId, Some.Completed(100)));
                        completed.Add(id);
                    }
                    else
                    {
                        store.InterruptRunningTrials(runId);
                    }

                    store.WriteRangeTest(experimentId, $"worker-{worker}", RangeSteps(50));
                    store.ListExperiments();
                    Interlocked.Add(ref writes, 5);
                }

                store.FinishRun(runId, RunStatus.Completed);
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        }

        Parallel.Invoke(() => Work(1), () => Work(2));

        Assert.Empty(failures);
        Assert.Equal(2 * Passes * 5, writes);
        Assert.Equal(completed.Count, completed.Distinct().Count());
        Assert.Equal(completed.Count * 100, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        if (Kind == StoreKind.Sqlite)
        {
            Assert.Equal("ok", Scalar<string>("PRAGMA integrity_check"));
            Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM pragma_foreign_key_check"));
        }
    }

    private static IEnumerable<RangeTestStep> RangeSteps(int count) =>
        Enumerable.Range(0, count).Select(s => new RangeTestStep(s, 1e-5 * Math.Pow(1.2, s), 1.0 / (s + 1), 1.0 / (s + 2)));
}

public sealed class ConcurrentWriterTestsOnSqlite() : ConcurrentWriterTests(StoreKind.Sqlite);

public sealed class ConcurrentWriterTestsOnPostgres() : ConcurrentWriterTests(StoreKind.Postgres);
