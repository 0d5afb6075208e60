namespace Sweep.Models.Training;

/// <summary>The parts of a training step and of validation that <see cref="TrainingPhaseTimes"/> tells apart.</summary>
internal enum TrainingPhase
{
    /// <summary>Shuffling the order and copying a batch's rows together.</summary>
    BatchAssembly,

    /// <summary>The forward matrix products.</summary>
    ForwardGemm,

    /// <summary>Adding the biases and applying the activations after a forward product.</summary>
    BiasActivation,

    /// <summary>The loss and its gradient (and, in validation, the accuracy count).</summary>
    Loss,

    /// <summary>The gradients through the activations.</summary>
    ActivationBackward,

    /// <summary>The weight-gradient and input-gradient matrix products.</summary>
    BackwardGemm,

    /// <summary>The bias gradients: column sums of each layer's delta.</summary>
    BiasGradient,

    /// <summary>The L1 and L2 penalty gradients.</summary>
    Penalty,

    /// <summary>The optimizer's update of every parameter.</summary>
    Optimizer,

    /// <summary>The weight and gradient norms an epoch records.</summary>
    Norms,
}
