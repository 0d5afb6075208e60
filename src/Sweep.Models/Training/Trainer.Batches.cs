using System.Runtime.Intrinsics.X86;

namespace Sweep.Models.Training;

/// <summary>The batch step every loop of <see cref="Trainer"/> shares, and the batch-by-batch loop of the range test.</summary>
public sealed partial class Trainer
{
    /// <summary>How many rows ahead of the copy the shuffled batch assembly asks for a row.</summary>
    private const int PrefetchRows = 4;

    /// <summary>Floats per 64-byte cache line.</summary>
    private const int LineFloats = 16;

    /// <summary>
    /// Trains batch by batch, epochs only marking where the order is shuffled, for the learning-rate range test:
    /// batch <c>i</c> (from 0) is updated at <paramref name="rateAt"/>(i), then
    /// <paramref name="onBatch"/> gets i, that rate and the batch's loss (taken before its update) and returns
    /// false to stop. Nothing is validated or recorded and there is no divergence stop: the caller decides.
    /// </summary>
    public void RunBatches(Func<int, double> rateAt, Func<int, double, double, bool> onBatch, CancellationToken cancellationToken = default)
    {
        if (hasRun)
        {
            throw new InvalidOperationException("A trainer runs once; create another for a new trial.");
        }

        hasRun = true;
        for (var step = 0; ;)
        {
            Shuffle();
            for (var start = 0; start < train.Count; start += batchSize, step++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                var rate = rateAt(step);
                if (!onBatch(step, rate, TrainBatch(start, rate)))
                {
                    return;
                }
            }
        }
    }

    private void Shuffle()
    {
        if (training.Shuffle)
        {
            var lap = TrainingPhaseTimes.Start();
            shuffler.Shuffle(order);
            TrainingPhaseTimes.Lap(TrainingPhase.BatchAssembly, ref lap);
        }
    }

    /// <summary>One update on the batch that starts at <paramref name="start"/> in the epoch's order; returns the batch's loss before it.</summary>
    private double TrainBatch(int start, double learningRate)
    {
        Network.Threads.Pass();
        var features = train.Features;
        var targetWidth = Network.Outputs;
        var count = Math.Min(batchSize, train.Count - start);
        var lap = TrainingPhaseTimes.Start();
        ReadOnlySpan<float> inputs;
        ReadOnlySpan<float> targets;
        if (training.Shuffle)
        {
            for (var i = 0; i < Math.Min(PrefetchRows, count); i++)
            {
                Prefetch(train.X.AsSpan(order[start + i] * features, features));
            }

            for (var i = 0; i < count; i++)
            {
                if (i + PrefetchRows < count)
                {
                    Prefetch(train.X.AsSpan(order[start + i + PrefetchRows] * features, features));
                }

                var sample = order[start + i];
                train.X.AsSpan(sample * features, features).CopyTo(batchInputs.AsSpan(i * features));
                if (batchTargets != batchInputs)
                {
                    trainTargets.AsSpan(sample * targetWidth, targetWidth).CopyTo(batchTargets.AsSpan(i * targetWidth));
                }
            }

            inputs = batchInputs;
            targets = batchTargets;
        }
        else
        {
            // In file order a batch is a contiguous slice of the data: no copy needed.
            inputs = train.X.AsSpan(start * features, count * features);
            targets = trainTargets.AsSpan(start * targetWidth, count * targetWidth);
        }

        TrainingPhaseTimes.Lap(TrainingPhase.BatchAssembly, ref lap);
        var loss = Network.ComputeGradients(inputs, targets, count, training.Loss);
        lap = TrainingPhaseTimes.Start();
        Network.AddPenaltyGradient(training.WeightDecay);
        TrainingPhaseTimes.Lap(TrainingPhase.Penalty, ref lap);
        optimizer.Step(Network.Parameters, Network.Gradients, learningRate);
        TrainingPhaseTimes.Lap(TrainingPhase.Optimizer, ref lap);
        return loss;
    }

    /// <summary>
    /// Asks for a row that a later copy will read. Rows come in shuffled order, so the hardware cannot guess
    /// the next one, and a copy that waits for each row's first lines runs at a fraction of the memory's speed.
    /// </summary>
    private static unsafe void Prefetch(ReadOnlySpan<float> row)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        fixed (float* first = row)
        {
            for (var offset = 0; offset < row.Length; offset += LineFloats)
            {
                Sse.Prefetch0(first + offset);
            }
        }
    }
}
