using Sweep.Models.Data;
using Sweep.Models.Trials;

namespace Sweep.Models.Tests.Trials;

public sealed class TrialExecutorsTests
{
    [Fact]
    public void A_range_test_experiment_runs_its_trial_as_a_range_test()
    {
        Assert.IsType<RangeTestExecutor>(TrialExecutors.For(Plans.RangeTest().Definition, new DatasetCache().For, "out"));
    }

    [Fact]
    public void Any_other_experiment_trains_on_the_engine()
    {
        Assert.IsType<EngineExecutor>(TrialExecutors.For(Plans.Linear(0.01).Definition, new DatasetCache().For, "out"));
    }
}
