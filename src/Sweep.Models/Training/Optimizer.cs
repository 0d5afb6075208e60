using Sweep.Models.Experiments;

namespace Sweep.Models.Training;

/// <summary>
/// An update rule with its state preallocated for a flat parameter vector. Formulas follow PyTorch's
/// torch.optim implementations (no weight decay inside the optimizer: L1/L2 penalties come through the
/// gradient, AdamW's decoupled decay is its own).
/// </summary>
public abstract class Optimizer
{
    /// <summary>Number of steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// The optimizer of <paramref name="definition"/> for <paramref name="parameterCount"/> parameters whose
    /// first <paramref name="weightCount"/> are weights (the only ones AdamW decays).
    /// </summary>
    public static Optimizer Create(OptimizerDefinition definition, int parameterCount, int weightCount) =>
        definition.Kind switch
        {
            OptimizerKind.Sgd => new SgdOptimizer(parameterCount, (float)definition.Momentum, definition.Nesterov),
            OptimizerKind.Adam => new AdamOptimizer(
                parameterCount, definition.Beta1, definition.Beta2, (float)definition.Epsilon),
            OptimizerKind.RmsProp => new RmsPropOptimizer(parameterCount, (float)definition.Rho, (float)definition.Epsilon),
            OptimizerKind.AdamW => new AdamWOptimizer(
                parameterCount, weightCount, definition.Beta1, definition.Beta2, (float)definition.Epsilon,
                definition.DecoupledDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "Unknown optimizer."),
        };

    /// <summary>The optimizer's state, rented so the next trial of the same size reuses it.</summary>
    private protected RentedBuffers Buffers { get; } = new();

    /// <summary>Hands the optimizer's state to the next trial; the optimizer must not step afterwards.</summary>
    internal virtual void ReturnBuffers() => Buffers.ReturnAll();

    /// <summary>Moves <paramref name="parameters"/> against <paramref name="gradients"/> at <paramref name="learningRate"/>.</summary>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(gradients.Length, parameters.Length, nameof(gradients));
        Steps++;
        Apply(parameters, gradients, learningRate, Steps);
    }

    /// <summary>One update; <paramref name="step"/> counts from 1.</summary>
    protected abstract void Apply(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate, long step);
}
