using System.Numerics.Tensors;

namespace Sweep.Models.Training;

/// <summary>
/// torch.optim.SGD with dampening 0: <c>buf = μ·buf + g</c> (buf = g on the first step),
/// then <c>w −= lr·buf</c>, or with Nesterov <c>w −= lr·(g + μ·buf)</c>; without momentum <c>w −= lr·g</c>.
/// </summary>
public sealed class SgdOptimizer : Optimizer
{
    private readonly float momentum;
    private readonly bool nesterov;
    private readonly float[] velocity;
    private readonly float[] lookAhead;

    public SgdOptimizer(int parameterCount, float momentum = 0f, bool nesterov = false)
    {
        this.momentum = momentum;
        this.nesterov = nesterov;
        velocity = momentum == 0f ? [] : Buffers.Rent(parameterCount);
        lookAhead = nesterov && momentum != 0f ? Buffers.Rent(parameterCount) : [];
    }

    protected override void Apply(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate, long step)
    {
        var rate = (float)-learningRate;
        if (momentum == 0f)
        {
            TensorPrimitives.MultiplyAdd(gradients, rate, parameters, parameters);
            return;
        }

        // The buffer starts at 0, so μ·0 + g gives PyTorch's first-step buf = g.
        TensorPrimitives.MultiplyAdd(velocity, momentum, gradients, velocity);
        if (nesterov)
        {
            TensorPrimitives.MultiplyAdd(velocity, momentum, gradients, lookAhead);
            TensorPrimitives.MultiplyAdd(lookAhead, rate, parameters, parameters);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(velocity, rate, parameters, parameters);
        }
    }
}
