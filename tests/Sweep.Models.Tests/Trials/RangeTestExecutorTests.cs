using Sweep.Models.Data;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;
using Sweep.Models.Trials;

namespace Sweep.Models.Tests.Trials;

public sealed class RangeTestExecutorTests
{
    [Fact]
    public void A_finished_range_test_is_completed_with_its_steps_and_suggestion_and_no_epochs()
    {
        var experiment = Plans.RangeTest(steps: 40);
        var executor = new RangeTestExecutor(experiment.Definition.Search.RangeTest!, new DatasetCache().For);
        var epochs = 0;

        var result = executor.Run(Plans.Single(experiment), new ThreadBudget(), _ => epochs++, CancellationToken.None);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Empty(result.Epochs);
        Assert.Equal(0, epochs);
        var test = result.RangeTest!;
        Assert.InRange(test.Steps.Length, 2, 40);
        Assert.Equal(1e-5, test.Steps[0].LearningRate, 1e-12);
        Assert.NotEqual(RangeTestStop.Cancelled, test.StoppedBy);
        Assert.NotNull(test.Suggestion);
    }

    [Fact]
    public void A_cancelled_range_test_is_interrupted_and_keeps_no_step()
    {
        var experiment = Plans.RangeTest();
        var executor = new RangeTestExecutor(experiment.Definition.Search.RangeTest!, new DatasetCache().For);

        var result = executor.Run(Plans.Single(experiment), new ThreadBudget(), null, new CancellationToken(canceled: true));

        Assert.Equal(TrialStatus.Interrupted, result.Status);
        Assert.Null(result.RangeTest);
    }
}
