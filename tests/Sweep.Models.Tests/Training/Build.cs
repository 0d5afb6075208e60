using System.Collections.Immutable;
using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Training;

/// <summary>Short ways to write the definitions and data the training tests need.</summary>
internal static class Build
{
    public static LayerDefinition Layer(
        int units, Activation activation, double[][]? weights = null, double[]? bias = null,
        double clipMin = double.NegativeInfinity, double clipMax = double.PositiveInfinity) =>
        new(units, activation, clipMin, clipMax,
            weights is null ? null : [.. weights.Select(row => row.ToImmutableArray())],
            bias?.ToImmutableArray());

    public static ModelDefinition Model(InitKind init, params LayerDefinition[] layers) =>
        new(ModelKind.Layers, [.. layers], init, [], Activation.Linear, Activation.Linear);

    public static TrainingDefinition Training(
        int epochs, double learningRate, BatchSize batch, LossKind loss = LossKind.Mse,
        OptimizerDefinition? optimizer = null, bool shuffle = false, EarlyStop? earlyStop = null,
        WeightDecay decay = default) =>
        new(epochs, loss, optimizer ?? new OptimizerDefinition(OptimizerKind.Sgd), learningRate, decay, batch,
            shuffle, earlyStop ?? EarlyStop.Default);

    /// <summary>A training set of one feature and one target per sample.</summary>
    public static Dataset Scalars(float[] inputs, float[] targets) =>
        new(new SampleSet(inputs, targets, inputs.Length, 1, 1), null, false);

    public static float[] Uniform(Random random, int count, float low = -1f, float high = 1f)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = low + ((high - low) * random.NextSingle());
        }

        return values;
    }

    /// <summary>One-hot rows of <paramref name="classes"/> columns for <paramref name="count"/> random classes.</summary>
    public static float[] OneHot(Random random, int count, int classes)
    {
        var values = new float[count * classes];
        for (var i = 0; i < count; i++)
        {
            values[(i * classes) + random.Next(classes)] = 1f;
        }

        return values;
    }
}
