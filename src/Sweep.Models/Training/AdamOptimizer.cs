using System.Runtime.Intrinsics;

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

    public AdamOptimizer(int parameterCount, double beta1 = 0.9, double beta2 = 0.999, float epsilon = 1e-8f)
    {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        mean = Buffers.Rent(parameterCount);
        meanSquare = Buffers.Rent(parameterCount);
    }

    protected override void Apply(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate, long step)
    {
        var decay1 = (float)beta1;
        var keep1 = (float)(1 - beta1);
        var decay2 = (float)beta2;
        var keep2 = (float)(1 - beta2);
        var correction2Root = (float)Math.Sqrt(1 - Math.Pow(beta2, step));
        var rate = (float)-(learningRate / (1 - Math.Pow(beta1, step)));

        // One pass over the four arrays instead of one per operation: the update is bound by memory, not
        // arithmetic. Each element takes the same roundings in the same order as step-by-step array
        // operations would (no fused multiply-adds), so the scalar tail agrees with the vector body.
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= parameters.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var g = Vector512.Create(gradients.Slice(i, Vector512<float>.Count));
                var m = (Vector512.Create((ReadOnlySpan<float>)mean.AsSpan(i, Vector512<float>.Count)) * decay1) + (g * keep1);
                var v = (Vector512.Create((ReadOnlySpan<float>)meanSquare.AsSpan(i, Vector512<float>.Count)) * decay2) + (g * g * keep2);
                var denominator = (Vector512.Sqrt(v) / correction2Root) + Vector512.Create(epsilon);
                var target = parameters.Slice(i, Vector512<float>.Count);
                var w = (m / denominator * rate) + Vector512.Create((ReadOnlySpan<float>)target);
                m.CopyTo(mean.AsSpan(i));
                v.CopyTo(meanSquare.AsSpan(i));
                w.CopyTo(target);
            }
        }

        for (; i < parameters.Length; i++)
        {
            var g = gradients[i];
            var m = (mean[i] * decay1) + (g * keep1);
            var v = (meanSquare[i] * decay2) + (g * g * keep2);
            mean[i] = m;
            meanSquare[i] = v;
            parameters[i] += m / ((MathF.Sqrt(v) / correction2Root) + epsilon) * rate;
        }
    }
}
