using System.Numerics.Tensors;

namespace Sweep.Models.Training;

/// <summary>
/// torch.optim.Adam: <c>m = β1·m + (1−β1)·g</c>, <c>v = β2·v + (1−β2)·g²</c>, then
/// <c>w −= lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε)</c>: bias-corrected, ε added after the square root.
/// </summary>
public sealed class AdamOptimizer : Optimizer
{
    private readonly double beta1;
    private readonly double beta2;
    private readonly float epsilon;
    private readonly float[] mean;
    private readonly float[] meanSquare;
    private readonly float[] scratch;

    public AdamOptimizer(int parameterCount, double beta1 = 0.9, double beta2 = 0.999, float epsilon = 1e-8f)
    {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        mean = new float[parameterCount];
        meanSquare = new float[parameterCount];
        scratch = new float[parameterCount];
    }

    protected override void Apply(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate, long step)
    {
        TensorPrimitives.Multiply(mean, (float)beta1, mean);
        TensorPrimitives.MultiplyAdd(gradients, (float)(1 - beta1), mean, mean);
        TensorPrimitives.Multiply(meanSquare, (float)beta2, meanSquare);
        TensorPrimitives.Multiply(gradients, gradients, scratch);
        TensorPrimitives.MultiplyAdd(scratch, (float)(1 - beta2), meanSquare, meanSquare);

        var stepSize = learningRate / (1 - Math.Pow(beta1, step));
        var correction2Root = Math.Sqrt(1 - Math.Pow(beta2, step));
        TensorPrimitives.Sqrt(meanSquare, scratch);
        TensorPrimitives.Divide(scratch, (float)correction2Root, scratch);
        TensorPrimitives.Add(scratch, epsilon, scratch);
        TensorPrimitives.Divide(mean, scratch, scratch);
        TensorPrimitives.MultiplyAdd(scratch, (float)-stepSize, parameters, parameters);
    }
}
