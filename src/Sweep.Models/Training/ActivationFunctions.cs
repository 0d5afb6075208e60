using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Sweep.Models.Experiments;

namespace Sweep.Models.Training;

/// <summary>
/// Forward and backward passes of the layer activations over a batch stored row-major (count × width).
/// Backward turns the gradient with respect to the activations (dA) into the gradient with respect to the
/// pre-activations (dZ) in place.
/// </summary>
internal static class ActivationFunctions
{
    public static void Forward(
        Activation activation, float clipMin, float clipMax, ReadOnlySpan<float> z, Span<float> a, int width)
    {
        switch (activation)
        {
            case Activation.Linear:
                // The network shares one buffer for z and a of linear layers.
                if (!z.Overlaps(a))
                {
                    z.CopyTo(a);
                }

                break;
            case Activation.Sigmoid:
                Sigmoid(z, a);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(z, a);
                break;
            case Activation.Relu:
                TensorPrimitives.Max(z, 0f, a);
                break;
            case Activation.Clip:
                TensorPrimitives.Clamp(z, clipMin, clipMax, a);
                break;
            case Activation.Softmax:
                for (var row = 0; row < z.Length; row += width)
                {
                    Softmax(z.Slice(row, width), a.Slice(row, width));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    /// <summary>
    /// Multiplies <paramref name="gradient"/> (dA on entry, dZ on return) by the activation's derivative.
    /// <paramref name="scratch"/> is at least as long as the batch.
    /// </summary>
    public static void Backward(
        Activation activation, float clipMin, float clipMax, ReadOnlySpan<float> z, ReadOnlySpan<float> a,
        Span<float> gradient, Span<float> scratch, int width)
    {
        switch (activation)
        {
            case Activation.Linear:
                break;
            case Activation.Sigmoid:
                // σ' = a(1 − a)
                scratch = scratch[..a.Length];
                TensorPrimitives.Subtract(1f, a, scratch);
                TensorPrimitives.Multiply(scratch, a, scratch);
                TensorPrimitives.Multiply(gradient, scratch, gradient);
                break;
            case Activation.Tanh:
                // tanh' = 1 − a²
                scratch = scratch[..a.Length];
                TensorPrimitives.Multiply(a, a, scratch);
                TensorPrimitives.Subtract(1f, scratch, scratch);
                TensorPrimitives.Multiply(gradient, scratch, gradient);
                break;
            case Activation.Relu:
                // z > 0 is z ≥ the smallest positive float, and NaN passes neither test.
                KeepWhereWithin(z, gradient, float.Epsilon, float.PositiveInfinity);
                break;
            case Activation.Clip:
                // As torch.clamp: the gradient flows where min ≤ z ≤ max and is 0 where the output is clipped.
                KeepWhereWithin(z, gradient, clipMin, clipMax);
                break;
            case Activation.Softmax:
                // dZ_i = a_i (dA_i − Σ_j dA_j a_j): the softmax Jacobian applied row by row.
                for (var row = 0; row < a.Length; row += width)
                {
                    var aRow = a.Slice(row, width);
                    var gRow = gradient.Slice(row, width);
                    var dot = TensorPrimitives.Dot(gRow, aRow);
                    TensorPrimitives.Subtract(gRow, dot, gRow);
                    TensorPrimitives.Multiply(gRow, aRow, gRow);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    /// <summary>
    /// σ(z) = 1 / (1 + e^−z), 16 values at a time, the last few through the same vector code so that a value
    /// gets the same bits wherever it sits in the batch. It runs over every pixel of an autoencoder's output.
    /// </summary>
    private static void Sigmoid(ReadOnlySpan<float> z, Span<float> a)
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            TensorPrimitives.Sigmoid(z, a);
            return;
        }

        var i = 0;
        for (; i <= z.Length - Vector512<float>.Count; i += Vector512<float>.Count)
        {
            Sigmoid(Vector512.Create(z.Slice(i, Vector512<float>.Count))).CopyTo(a[i..]);
        }

        if (i < z.Length)
        {
            Span<float> tail = stackalloc float[Vector512<float>.Count];
            tail.Clear();
            z[i..].CopyTo(tail);
            Sigmoid(Vector512.Create((ReadOnlySpan<float>)tail)).CopyTo(tail);
            tail[..(z.Length - i)].CopyTo(a[i..]);
        }
    }

    private static Vector512<float> Sigmoid(Vector512<float> z) => Vector512<float>.One / (Vector512<float>.One + FloatExp.Of(-z));

    /// <summary>
    /// Zeroes the gradient wherever z is NaN or outside [min, max], without a branch per element: the
    /// signs of z are random, and a mispredicted branch costs more than the whole vector step.
    /// </summary>
    private static void KeepWhereWithin(ReadOnlySpan<float> z, Span<float> gradient, float min, float max)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var low = Vector512.Create(min);
            var high = Vector512.Create(max);
            for (; i <= z.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var values = Vector512.Create(z.Slice(i, Vector512<float>.Count));
                var keep = Vector512.GreaterThanOrEqual(values, low) & Vector512.LessThanOrEqual(values, high);
                var target = gradient.Slice(i, Vector512<float>.Count);
                (Vector512.Create((ReadOnlySpan<float>)target) & keep).CopyTo(target);
            }
        }

        for (; i < z.Length; i++)
        {
            if (!(z[i] >= min && z[i] <= max))
            {
                gradient[i] = 0f;
            }
        }
    }

    /// <summary>Softmax of one row, shifted by its maximum so exp never overflows.</summary>
    public static void Softmax(ReadOnlySpan<float> z, Span<float> a)
    {
        var max = TensorPrimitives.Max(z);
        TensorPrimitives.Subtract(z, max, a);
        TensorPrimitives.Exp(a, a);
        TensorPrimitives.Divide(a, TensorPrimitives.Sum(a), a);
    }
}
