using System.Runtime.InteropServices;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

/// <summary>A trial's results are the same bits whatever threads its products were given, even when that changes as it runs.</summary>
public sealed class TrainerThreadsTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_trial_given_more_threads_makes_the_same_epochs_and_weights_as_alone(int threads)
    {
        var alone = Train(new ThreadBudget(1));

        var helped = Train(new ThreadBudget(threads));

        Assert.Equal(alone.Losses, helped.Losses);
        Assert.Equal(alone.Weights, helped.Weights);
    }

    [Fact]
    public void A_trial_whose_threads_change_every_epoch_makes_the_same_epochs_and_weights_as_alone()
    {
        var alone = Train(new ThreadBudget(1));
        var budget = new ThreadBudget(2);

        var changing = Train(budget, epoch => budget.Threads = (epoch.Epoch % 3) + 1);

        Assert.Equal(alone.Losses, changing.Losses);
        Assert.Equal(alone.Weights, changing.Weights);
    }

    [Fact]
    public void Trials_taking_turns_on_one_core_make_the_same_epochs_and_weights_as_alone()
    {
        var alone = Train(new ThreadBudget(1));
        var turns = new CoreTurns(1);
        var budgets = new[] { new ThreadBudget(turns: turns), new ThreadBudget(turns: turns) };
        var taking = new (List<(double Train, double? Validation)> Losses, int[] Weights)[2];

        var threads = budgets.Select((budget, i) => new Thread(() =>
        {
            budget.TakeTurn();
            try
            {
                taking[i] = Train(budget);
            }
            finally
            {
                budget.GiveTurn();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(taking, result => Assert.Equal(alone.Losses, result.Losses));
        Assert.All(taking, result => Assert.Equal(alone.Weights, result.Weights));
    }

    [Fact]
    public void The_products_of_this_trial_are_big_enough_to_be_split()
    {
        Assert.True(ParallelGemm.Blocks(2, Batch, Hidden, Features) == 2);
        Assert.True(ParallelGemm.Blocks(2, Hidden, Features, Batch) == 2);
    }

    private const int Features = 64;
    private const int Hidden = 256;
    private const int Batch = 128;

    /// <summary>An autoencoder of 64 features through 256 hidden units, Adam on shuffled batches, with validation.</summary>
    private static (List<(double Train, double? Validation)> Losses, int[] Weights) Train(ThreadBudget threads, Action<EpochRecord>? onEpoch = null)
    {
        var random = new Random(12);
        var data = new Dataset(Samples(random, 640), Samples(random, 200), IsClassification: false);
        var model = new ModelDefinition(ModelKind.Autoencoder, [], InitKind.Xavier, [Hidden], Activation.Relu, Activation.Sigmoid);
        var training = Build.Training(4, 0.003, BatchSize.Of(Batch), LossKind.Bce, new OptimizerDefinition(OptimizerKind.Adam), shuffle: true);
        var trainer = new Trainer(model, training, data, seed: 5, threads);

        var result = trainer.Run(onEpoch);

        Assert.Equal(TrialStatus.Completed, result.Status);
        return ([.. result.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss))], MemoryMarshal.Cast<float, int>(trainer.Network.Parameters).ToArray());
    }

    private static SampleSet Samples(Random random, int count) =>
        new(Build.Uniform(random, count * Features, 0f, 1f), [], count, Features, 0);
}
