using System.Diagnostics;
using System.Numerics.Tensors;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Stopping;

namespace Sweep.Models.Training;

/// <summary>
/// Trains one model on a dataset for the epochs of a <see cref="TrainingDefinition"/>, deterministically
/// for a given seed: the network's init draws from <c>Random(seed)</c>, the epoch shuffles from a second
/// stream derived from the same seed. Every buffer is allocated here, so an epoch allocates nothing.
/// </summary>
/// <remarks>
/// Each batch's loss is taken before its update; an epoch's train loss is the mean of those batch losses
/// (data loss only, penalties left out). The training definition's early stop judges every epoch through
/// an <see cref="EarlyStopPolicy"/>, the same rule any other trainer's epochs go through.
/// </remarks>
public sealed partial class Trainer : IDisposable
{
    private readonly TrainingDefinition training;
    private readonly SampleSet train;
    private readonly float[] trainTargets;
    private readonly SampleSet? validation;
    private readonly float[]? validationTargets;
    private readonly bool isClassification;
    private readonly int batchSize;
    private readonly int[] order;
    private readonly float[] batchInputs;
    private readonly float[] batchTargets;
    private readonly Random shuffler;
    private readonly Optimizer optimizer;
    private readonly List<EpochRecord> records;
    private readonly RentedBuffers buffers = new();
    private bool hasRun;

    /// <param name="threads">The threads its products may use, changed by a scheduler as other trials start and end; one when not given.</param>
    public Trainer(ModelDefinition model, TrainingDefinition training, Dataset data, int seed, ThreadBudget? threads = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(training.Epochs, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(data.Train.Count, 1, nameof(data));
        this.training = training;
        train = data.Train;
        validation = data.Validation is { Count: > 0 } ? data.Validation : null;
        // An autoencoder's target is its input, whatever Y holds.
        var autoencoder = model.Kind == ModelKind.Autoencoder;

        // Labels in the data make a classifier's accuracy, not an autoencoder's: it reconstructs pixels, so the
        // argmax of its output against a label's one-hot row measures nothing. Its accuracy stays empty.
        isClassification = data.IsClassification && !autoencoder;
        var targetWidth = autoencoder ? train.Features : train.Targets;
        trainTargets = autoencoder ? train.X : train.Y;
        validationTargets = validation is null ? null : autoencoder ? validation.X : validation.Y;

        batchSize = training.Batch.For(train.Count);
        Network = Network.For(model, train.Features, batchSize, seed);
        Network.Threads = threads ?? Network.Threads;
        if (Network.Outputs != targetWidth)
        {
            throw new ArgumentException(
                $"The model has {Network.Outputs} outputs but the data has {targetWidth} targets per sample.",
                nameof(model));
        }

        order = new int[train.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        batchInputs = training.Shuffle ? buffers.Rent(batchSize * train.Features) : [];
        // An autoencoder's batch is its own target: one copy of the rows serves both.
        batchTargets = !training.Shuffle ? [] : autoencoder ? batchInputs : buffers.Rent(batchSize * targetWidth);
        shuffler = new Random(unchecked((int)((uint)seed * 2654435761u) ^ 0x5EED));
        optimizer = Optimizer.Create(training.Optimizer, Network.Parameters.Length, Network.WeightCount);
        records = new List<EpochRecord>(training.Epochs);
    }

    /// <summary>
    /// Hands the network's, the optimizer's and the batches' buffers to the next trial of the same shapes.
    /// The trainer and its network must not be used afterwards; without it the buffers are simply collected.
    /// </summary>
    public void Dispose()
    {
        Network.ReturnBuffers();
        optimizer.ReturnBuffers();
        buffers.ReturnAll();
    }

    /// <summary>The network being trained: its weights are the final ones after <see cref="Run"/>.</summary>
    public Network Network { get; }

    /// <summary>Optimizer steps taken so far: one per batch.</summary>
    public long Updates => optimizer.Steps;

    /// <summary>
    /// Trains until the last epoch, divergence, patience or cancellation (checked between epochs; the result
    /// is then <see cref="TrialStatus.Interrupted"/>). <paramref name="onEpoch"/> sees each record as it is made.
    /// </summary>
    public TrainingResult Run(Action<EpochRecord>? onEpoch = null, CancellationToken cancellationToken = default)
    {
        if (hasRun)
        {
            throw new InvalidOperationException("A trainer runs once; create another for a new trial.");
        }

        hasRun = true;
        var status = TrialStatus.Completed;
        var policy = new EarlyStopPolicy(training.EarlyStop);
        for (var epoch = 1; epoch <= training.Epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                status = TrialStatus.Interrupted;
                break;
            }

            var record = RunEpoch(epoch);
            records.Add(record);
            onEpoch?.Invoke(record);
            var verdict = policy.Judge(record);
            if (verdict == EpochVerdict.Diverged)
            {
                status = TrialStatus.Diverged;
            }

            if (verdict != EpochVerdict.Continue)
            {
                break;
            }
        }

        return new TrainingResult(status, [.. records]);
    }

    private EpochRecord RunEpoch(int epoch)
    {
        var started = Stopwatch.GetTimestamp();
        var waitedBefore = Network.Threads.Waited;
        Shuffle();

        var lossSum = 0.0;
        var batches = 0;
        for (var start = 0; start < train.Count; start += batchSize)
        {
            lossSum += TrainBatch(start, training.LearningRate);
            batches++;
        }

        var lap = TrainingPhaseTimes.Start();
        var gradientNorm = TensorPrimitives.Norm(Network.Gradients);
        var weightNorm = TensorPrimitives.Norm(Network.Weights);
        TrainingPhaseTimes.Lap(TrainingPhase.Norms, ref lap);
        var (validationLoss, accuracy) = Validate();
        return new EpochRecord(
            epoch,
            lossSum / batches,
            validationLoss,
            accuracy,
            training.LearningRate,
            weightNorm,
            gradientNorm,
            (Stopwatch.GetElapsedTime(started) - (Network.Threads.Waited - waitedBefore)).TotalSeconds);
    }

    private (double? Loss, double? Accuracy) Validate()
    {
        if (validation is null || validationTargets is null)
        {
            return (null, null);
        }

        var features = validation.Features;
        var width = Network.Outputs;
        var lossSum = 0.0;
        var correct = 0;
        TrainingPhaseTimes.SetValidating(true);
        for (var start = 0; start < validation.Count; start += Network.MaxBatch)
        {
            Network.Threads.Pass();
            var count = Math.Min(Network.MaxBatch, validation.Count - start);
            var targets = validationTargets.AsSpan(start * width, count * width);
            // Every reduction is a mean over samples (times a fixed width), so chunks weigh by their size.
            lossSum += count * Network.Evaluate(validation.X.AsSpan(start * features, count * features), targets, count, training.Loss);
            if (isClassification)
            {
                var lap = TrainingPhaseTimes.Start();
                correct += CountCorrect(Network.LastOutputs(count), targets, width);
                TrainingPhaseTimes.Lap(TrainingPhase.Loss, ref lap);
            }
        }

        TrainingPhaseTimes.SetValidating(false);

        return (lossSum / validation.Count, isClassification ? (double)correct / validation.Count : null);
    }

    /// <summary>Samples whose predicted class (argmax; output ≥ 0.5 for a single output) is the target's.</summary>
    private static int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int width)
    {
        var correct = 0;
        for (var row = 0; row < outputs.Length; row += width)
        {
            var hit = width == 1
                ? outputs[row] >= 0.5f == targets[row] >= 0.5f
                : TensorPrimitives.IndexOfMax(outputs.Slice(row, width)) == TensorPrimitives.IndexOfMax(targets.Slice(row, width));
            correct += hit ? 1 : 0;
        }

        return correct;
    }
}
