using System.Numerics.Tensors;
using Sweep.Models.Experiments;

namespace Sweep.Models.Training;

/// <summary>Forward and backward passes over one batch, all in the preallocated buffers.</summary>
public sealed partial class Network
{
    /// <summary>Floats of z per block of the forward pass's second half: with its activations, targets and gradient, 64 KB at most.</summary>
    private const int L1BlockFloats = 4096;

    /// <summary>
    /// Runs <paramref name="count"/> samples (count × <see cref="Inputs"/>, row-major) through the network.
    /// The returned outputs (count × <see cref="Outputs"/>) are valid until the next pass.
    /// </summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> inputs, int count)
    {
        Propagate(inputs, count, null, default);
        return LastOutputs(count);
    }

    /// <summary>The mean data loss of a batch against its targets (count × <see cref="Outputs"/>), without gradients.</summary>
    public double Evaluate(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int count, LossKind loss)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targets.Length, count * Outputs, nameof(targets));
        return Propagate(inputs, count, loss, targets);
    }

    /// <summary>
    /// Forward and backward over one batch: returns its mean data loss and overwrites <see cref="Gradients"/>
    /// with the loss's gradient (penalties are added separately by <see cref="AddPenaltyGradient"/>).
    /// </summary>
    public double ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int count, LossKind loss)
    {
        var value = Evaluate(inputs, targets, count, loss);
        var lap = TrainingPhaseTimes.Start();
        var last = layers.Length - 1;
        var lastLayer = layers[last];
        if (!LossFunctions.IsFused(loss, lastLayer.Activation))
        {
            BackwardThroughActivation(last, count);
            TrainingPhaseTimes.Lap(TrainingPhase.ActivationBackward, ref lap);
        }

        for (var l = last; l >= 0; l--)
        {
            var layer = layers[l];
            var delta = deltas[l].AsSpan(0, count * layer.Units);
            ReadOnlySpan<float> input = l == 0 ? inputs[..(count * Inputs)] : activations[l - 1].AsSpan(0, count * layer.Inputs);

            // dW = dZᵀ · A_prev (units × inputs); db = column sums of dZ.
            ParallelGemm.Multiply(
                Threads.Threads, true, false, layer.Units, layer.Inputs, count,
                delta, layer.Units, input, layer.Inputs,
                gradients.AsSpan(layer.WeightOffset, layer.WeightCount), layer.Inputs);
            TrainingPhaseTimes.Lap(TrainingPhase.BackwardGemm, ref lap);
            var biasGradient = gradients.AsSpan(layer.BiasOffset, layer.Units);
            biasGradient.Clear();
            for (var row = 0; row < delta.Length; row += layer.Units)
            {
                TensorPrimitives.Add(biasGradient, delta.Slice(row, layer.Units), biasGradient);
            }

            TrainingPhaseTimes.Lap(TrainingPhase.BiasGradient, ref lap);

            if (l > 0)
            {
                // dA_prev = dZ · W (count × inputs), then through the previous layer's activation.
                ParallelGemm.Multiply(
                    Threads.Threads, false, false, count, layer.Inputs, layer.Units,
                    delta, layer.Units, LayerWeights(l), layer.Inputs,
                    deltas[l - 1].AsSpan(0, count * layer.Inputs), layer.Inputs);
                TrainingPhaseTimes.Lap(TrainingPhase.BackwardGemm, ref lap);
                BackwardThroughActivation(l - 1, count);
                TrainingPhaseTimes.Lap(TrainingPhase.ActivationBackward, ref lap);
            }
        }

        return value;
    }

    /// <summary>
    /// Writes the outputs for <paramref name="count"/> samples into <paramref name="outputs"/>, in chunks of
    /// <see cref="MaxBatch"/>.
    /// </summary>
    public void Predict(ReadOnlySpan<float> inputs, int count, Span<float> outputs)
    {
        for (var start = 0; start < count; start += MaxBatch)
        {
            var chunk = Math.Min(MaxBatch, count - start);
            Forward(inputs.Slice(start * Inputs, chunk * Inputs), chunk)
                .CopyTo(outputs.Slice(start * Outputs, chunk * Outputs));
        }
    }

    /// <summary>The outputs of the last pass for its first <paramref name="count"/> samples.</summary>
    internal ReadOnlySpan<float> LastOutputs(int count) => activations[^1].AsSpan(0, count * Outputs);

    private void BackwardThroughActivation(int l, int count)
    {
        var layer = layers[l];
        var size = count * layer.Units;
        ActivationFunctions.Backward(
            layer.Activation, layer.ClipMin, layer.ClipMax,
            preActivations[l].AsSpan(0, size), activations[l].AsSpan(0, size), deltas[l].AsSpan(0, size),
            scratch, layer.Units);
    }

    /// <summary>
    /// The forward pass; with a <paramref name="loss"/>, also the last layer's loss against
    /// <paramref name="targets"/> and its gradient in the last deltas. Each layer adds its bias, applies its
    /// activation and takes the loss a block of rows at a time, so every block is still in L1 when the next
    /// step reads it: one trip through memory for an output instead of three.
    /// </summary>
    private double Propagate(ReadOnlySpan<float> inputs, int count, LossKind? loss, ReadOnlySpan<float> targets)
    {
        CheckBatch(inputs, count);
        var input = inputs[..(count * Inputs)];
        var value = 0.0;
        var lap = TrainingPhaseTimes.Start();
        for (var l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            var size = count * layer.Units;
            var z = preActivations[l].AsSpan(0, size);
            var a = activations[l].AsSpan(0, size);
            ParallelGemm.Multiply(
                Threads.Threads, false, true, count, layer.Units, layer.Inputs,
                input, layer.Inputs, LayerWeights(l), layer.Inputs, z, layer.Units);
            TrainingPhaseTimes.Lap(TrainingPhase.ForwardGemm, ref lap);

            var bias = LayerBias(l);
            var blockRows = Math.Max(1, L1BlockFloats / layer.Units);
            for (var first = 0; first < count; first += blockRows)
            {
                var rows = Math.Min(blockRows, count - first);
                var zBlock = z.Slice(first * layer.Units, rows * layer.Units);
                var aBlock = a.Slice(first * layer.Units, rows * layer.Units);
                for (var row = 0; row < zBlock.Length; row += layer.Units)
                {
                    var zRow = zBlock.Slice(row, layer.Units);
                    TensorPrimitives.Add(zRow, bias, zRow);
                }

                ActivationFunctions.Forward(layer.Activation, layer.ClipMin, layer.ClipMax, zBlock, aBlock, layer.Units);
                TrainingPhaseTimes.Lap(TrainingPhase.BiasActivation, ref lap);
                if (loss is { } kind && l == layers.Length - 1)
                {
                    value += LossFunctions.Evaluate(
                        kind, layer.Activation, zBlock, aBlock, targets.Slice(first * layer.Units, zBlock.Length),
                        deltas[l].AsSpan(first * layer.Units, zBlock.Length), rows, layer.Units, count);
                    TrainingPhaseTimes.Lap(TrainingPhase.Loss, ref lap);
                }
            }

            input = a;
        }

        return value;
    }

    private void CheckBatch(ReadOnlySpan<float> inputs, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs.Length, count * Inputs, nameof(inputs));
    }
}
