using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

public class AllocationTests
{
    [Fact]
    public void An_epoch_of_a_784_64_784_autoencoder_with_adam_allocates_nothing()
    {
        const int samples = 300, features = 784;
        var random = new Random(5);
        var train = Build.Uniform(random, samples * features, 0f, 1f);
        var validation = Build.Uniform(random, 40 * features, 0f, 1f);
        var data = new Dataset(
            new SampleSet(train, train, samples, features, features),
            new SampleSet(validation, validation, 40, features, features),
            IsClassification: false);
        var model = new ModelDefinition(
            ModelKind.Autoencoder, [], InitKind.Xavier, [64], Activation.Relu, Activation.Sigmoid);
        var training = Build.Training(
            3, 0.001, BatchSize.Of(32), optimizer: new OptimizerDefinition(OptimizerKind.Adam), shuffle: true,
            decay: new WeightDecay(1e-5, 1e-4));
        var trainer = new Trainer(model, training, data, seed: 9);
        var allocatedAtEpochEnd = new long[training.Epochs + 1];

        var result = trainer.Run(record => allocatedAtEpochEnd[record.Epoch] = GC.GetAllocatedBytesForCurrentThread());

        // Epoch 1 warms up (JIT, first-call caches); epoch 3 runs between the callbacks of epochs 2 and 3.
        Assert.Equal(3, result.Epochs.Length);
        Assert.Equal(10 * 3, trainer.Updates);
        Assert.Equal(0, allocatedAtEpochEnd[3] - allocatedAtEpochEnd[2]);
    }
}
