namespace Sweep.Models.Experiments;

/// <summary>How a model is trained: epochs, loss, optimizer, learning rate, weight decay and batches.</summary>
public sealed record TrainingDefinition(
    int Epochs,
    LossKind Loss,
    OptimizerDefinition Optimizer,
    double LearningRate,
    WeightDecay WeightDecay,
    BatchSize Batch,
    bool Shuffle,
    EarlyStop EarlyStop);
