namespace Sweep.Storage.Tests;

public sealed class RangeTestTests : StoreTestBase
{
    [Fact]
    public void A_range_test_written_again_replaces_its_steps()
    {
        var store = OpenStore();
        var (experimentId, _, trials) = Planned(store);
        store.WriteRangeTest(experimentId, trials[0].Id, [.. Enumerable.Range(0, 30).Select(s => new RangeTestStep(s, 1e-4 * (s + 1), 2.0, 2.0))]);

        RangeTestStep[] steps =
        [
            new(0, 1e-5, 2.3, 2.3),
            new(1, 1e-4, 1.9, 2.1),
            new(2, 1e-3, double.NaN, double.NaN),
        ];
        store.WriteRangeTest(experimentId, trials[0].Id, steps);

        var read = store.ReadRangeTest(experimentId, trials[0].Id);
        Assert.Equal(3, read.Length);
        Assert.Equal(steps[..2], read[..2]);
        Assert.True(double.IsNaN(read[2].Loss));
        Assert.Empty(store.ReadRangeTest(experimentId, trials[1].Id));
    }
}
