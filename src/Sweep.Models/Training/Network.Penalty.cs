using System.Numerics.Tensors;
using Sweep.Models.Experiments;

namespace Sweep.Models.Training;

/// <summary>The L1 and L2 penalties, on weights only: biases are never penalised.</summary>
public sealed partial class Network
{
    /// <summary><c>l1·Σ|w| + l2·Σw²</c> over all weights.</summary>
    public double Penalty(WeightDecay decay)
    {
        var weights = Weights;
        var value = 0.0;
        if (decay.L1 != 0)
        {
            value += decay.L1 * TensorPrimitives.SumOfMagnitudes(weights);
        }

        if (decay.L2 != 0)
        {
            value += decay.L2 * TensorPrimitives.SumOfSquares(weights);
        }

        return value;
    }

    /// <summary>
    /// Adds the penalty's gradient to <see cref="Gradients"/>: <c>l1·sign(w)</c> (0 at w = 0, as torch.sign)
    /// and <c>2·l2·w</c>.
    /// </summary>
    public void AddPenaltyGradient(WeightDecay decay)
    {
        var weights = Weights;
        var weightGradients = gradients.AsSpan(0, WeightCount);
        if (decay.L1 != 0)
        {
            // Comparisons rather than MathF.Sign, which throws on the NaN weights of a diverging trial.
            var l1 = (float)decay.L1;
            for (var i = 0; i < weights.Length; i++)
            {
                var weight = weights[i];
                weightGradients[i] += weight > 0f ? l1 : weight < 0f ? -l1 : 0f;
            }
        }

        if (decay.L2 != 0)
        {
            TensorPrimitives.MultiplyAdd(weights, (float)(2 * decay.L2), weightGradients, weightGradients);
        }
    }
}
