using System.Numerics.Tensors;

namespace Sweep.Models.Training;

/// <summary>
/// torch.optim.RMSprop (not centered, no momentum) with alpha = ρ: <c>v = ρ·v + (1−ρ)·g²</c>,
/// <c>w −= lr·g / (√v + ε)</c>. Our ρ defaults to 0.9 (Keras, seed 001), PyTorch's alpha to 0.99.
/// </summary>
public sealed class RmsPropOptimizer : Optimizer
{
    private readonly float rho;
    private readonly float epsilon;
    private readonly float[] meanSquare;
    private readonly float[] scratch;

    public RmsPropOptimizer(int parameterCount, float rho = 0.9f, float epsilon = 1e-8f)
    {
        this.rho = rho;
        this.epsilon = epsilon;
        meanSquare = Buffers.Rent(parameterCount);
        scratch = Buffers.Rent(parameterCount);
    }

    protected override void Apply(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate, long step)
    {
        TensorPrimitives.Multiply(meanSquare, rho, meanSquare);
        TensorPrimitives.Multiply(gradients, gradients, scratch);
        TensorPrimitives.MultiplyAdd(scratch, 1f - rho, meanSquare, meanSquare);

        TensorPrimitives.Sqrt(meanSquare, scratch);
        TensorPrimitives.Add(scratch, epsilon, scratch);
        TensorPrimitives.Divide(gradients, scratch, scratch);
        TensorPrimitives.MultiplyAdd(scratch, (float)-learningRate, parameters, parameters);
    }
}
