using Sweep.Models.Experiments;
using Sweep.Models.Search;

namespace Sweep.Storage.Tests;

public abstract class LrFindTestTests(StoreKind kind) : StoreTestBase(kind)
{
    private static readonly RangeTestSettings Settings = new(1e-5, 1, 50, 0.98, 4);

    [Fact]
    public void Storing_a_test_registers_the_experiment_as_a_run_would_and_keeps_every_step()
    {
        var store = OpenStore();
        var experiment = Some.Experiment();

        var (registration, test) = store.StoreLrFindTest(experiment, Settings, Steps(50));

        Assert.Equal(store.RegisterExperiment(experiment), registration with { IsNew = false });
        Assert.Matches("^[0-9a-f]{16}$", test.Id);
        Assert.Equal(Steps(50), store.ReadRangeTest(registration.Id, test.Id).ToArray());
        var latest = store.LatestLrFindTest(registration.Id)!;
        Assert.Equal((test.Id, registration.Id, Settings), (latest.Id, latest.ExperimentId, latest.Settings));
        Assert.InRange(latest.Created, test.Created.AddMilliseconds(-1), test.Created);
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM trials"));
    }

    [Fact]
    public void The_same_settings_replace_the_test_and_other_settings_keep_one_of_their_own()
    {
        var store = OpenStore();
        var experiment = Some.Experiment();
        var (_, first) = store.StoreLrFindTest(experiment, Settings, Steps(50));

        var (_, again) = store.StoreLrFindTest(experiment, Settings, Steps(30));
        var (registration, other) = store.StoreLrFindTest(experiment, Settings with { Steps = 20 }, Steps(20));

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(30, store.ReadRangeTest(registration.Id, first.Id).Length);
        Assert.Equal(50, Scalar<int>("SELECT COUNT(*) FROM range_tests"));
        Assert.Equal(2, Scalar<int>("SELECT COUNT(*) FROM lr_find_tests"));
        Assert.Equal(other.Id, store.LatestLrFindTest(registration.Id)!.Id);
        Assert.Equal(20, store.LatestLrFindTest(registration.Id)!.Settings.Steps);

        store.StoreLrFindTest(experiment, Settings, Steps(30));
        Assert.Equal(first.Id, store.LatestLrFindTest(registration.Id)!.Id);
    }

    [Fact]
    public void The_id_follows_the_experiment_text_and_every_setting()
    {
        var id = LrFindTest.IdOf("abc", Settings);

        Assert.Equal(id, LrFindTest.IdOf("abc", Settings with { }));
        Assert.NotEqual(id, LrFindTest.IdOf("abd", Settings));
        Assert.NotEqual(id, LrFindTest.IdOf("abc", Settings with { Min = 1e-6 }));
        Assert.NotEqual(id, LrFindTest.IdOf("abc", Settings with { Max = 2 }));
        Assert.NotEqual(id, LrFindTest.IdOf("abc", Settings with { Smoothing = 0.9 }));
        Assert.NotEqual(id, LrFindTest.IdOf("abc", Settings with { StopFactor = 5 }));
    }

    [Fact]
    public void An_experiment_without_a_stored_test_has_no_latest_test()
    {
        var store = OpenStore();

        Assert.Null(store.LatestLrFindTest(store.RegisterExperiment(Some.Experiment()).Id));
    }

    private static RangeTestStep[] Steps(int count) =>
        [.. Enumerable.Range(0, count).Select(s => new RangeTestStep(s, 1e-5 * Math.Pow(10, s / 10.0), 2.0 - (0.01 * s), 2.0 - (0.005 * s)))];
}

public sealed class LrFindTestTestsOnSqlite() : LrFindTestTests(StoreKind.Sqlite);

public sealed class LrFindTestTestsOnPostgres() : LrFindTestTests(StoreKind.Postgres);
