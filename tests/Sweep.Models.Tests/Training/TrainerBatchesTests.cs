using Sweep.Models.Experiments;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public class TrainerBatchesTests
{
    private static readonly ModelDefinition Linear = Build.Model(InitKind.Zeros, Build.Layer(1, Activation.Linear));

    [Fact]
    public void Batch_by_batch_training_runs_past_the_epoch_end_until_told_to_stop()
    {
        // At lr 0 nothing moves: batches {1, 2, 3} and {4} of y = 3x lose mean(9, 36, 81) = 42 and 144, epoch after epoch.
        var trainer = new Trainer(Linear, Build.Training(1, 0.5, BatchSize.Of(3)), Build.Scalars([1, 2, 3, 4], [3, 6, 9, 12]), 0);
        var seen = new List<(int Step, double Rate, double Loss)>();

        trainer.RunBatches(_ => 0, (step, rate, loss) =>
        {
            seen.Add((step, rate, loss));
            return step < 4;
        });

        Assert.Equal([0, 1, 2, 3, 4], seen.Select(s => s.Step));
        Assert.All(seen, s => Assert.Equal(0, s.Rate));
        Assert.Equal([42.0, 144, 42, 144, 42], seen.Select(s => Math.Round(s.Loss, 4)));
        Assert.Equal(5, trainer.Updates);
    }

    [Fact]
    public void Each_batch_is_updated_at_the_rate_the_schedule_gives_for_its_step()
    {
        // Full batch from w = b = 0: the first update moves w by 45 × its rate, so the second loss shows the rate used.
        var trainer = new Trainer(Linear, Build.Training(1, 0.5, BatchSize.Full), Build.Scalars([1, 2, 3, 4], [3, 6, 9, 12]), 0);

        trainer.RunBatches(step => step == 0 ? 0.01 : 0, (step, _, _) => step < 1);

        Assert.Equal(0.45, trainer.Network.LayerWeights(0)[0], 1e-5);
    }
}
