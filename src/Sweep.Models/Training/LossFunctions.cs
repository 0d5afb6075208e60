using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Sweep.Models.Experiments;

namespace Sweep.Models.Training;

/// <summary>
/// The data losses and their gradients, with PyTorch's default <c>reduction='mean'</c>:
/// MSE, MAE and BCE average over every output of every sample (count × width elements), CCE sums over
/// the classes of a sample and averages over the samples. Sigmoid + BCE and softmax + CCE are fused and work
/// on the logits (the gradient is then with respect to the pre-activation); any other pairing clamps its
/// logs at −100 as torch's BCELoss does.
/// </summary>
internal static class LossFunctions
{
    /// <summary>log(p) never goes below this, as in torch.nn.BCELoss.</summary>
    private const float MinLog = -100f;

    /// <summary>Keeps the non-fused cross-entropy gradients finite when a probability reaches 0 or 1.</summary>
    private const float MinProbability = 1e-12f;

    /// <summary>Whether the loss works on the logits of <paramref name="activation"/> (then its gradient is dZ).</summary>
    public static bool IsFused(LossKind loss, Activation activation) =>
        (loss, activation) is (LossKind.Bce, Activation.Sigmoid) or (LossKind.Cce, Activation.Softmax);

    /// <summary>
    /// The share of a batch's mean loss that <paramref name="count"/> of its <paramref name="batch"/> samples
    /// carry, so the shares of a batch's blocks add up to its mean; writes their gradient into
    /// <paramref name="gradient"/>, scaled for the whole batch: with respect to the pre-activations
    /// <paramref name="z"/> when <see cref="IsFused"/>, else to the outputs <paramref name="a"/>.
    /// </summary>
    public static double Evaluate(
        LossKind loss, Activation activation, ReadOnlySpan<float> z, ReadOnlySpan<float> a,
        ReadOnlySpan<float> targets, Span<float> gradient, int count, int width, int batch)
    {
        var elements = count * width;
        z = z[..elements];
        a = a[..elements];
        targets = targets[..elements];
        gradient = gradient[..elements];
        var total = batch * width;
        return loss switch
        {
            LossKind.Mse => MeanSquared(a, targets, gradient, width, total),
            LossKind.Mae => MeanAbsolute(a, targets, gradient, total),
            LossKind.Bce when activation == Activation.Sigmoid => BinaryOnLogits(z, a, targets, gradient, total),
            LossKind.Bce => Binary(a, targets, gradient, total),
            LossKind.Cce when activation == Activation.Softmax => CategoricalOnLogits(z, a, targets, gradient, width, batch),
            LossKind.Cce => Categorical(a, targets, gradient, batch),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
        };
    }

    // Each function below sums over the elements it is given and divides by the batch's total, its
    // elements or its samples.
    private static double MeanSquared(
        ReadOnlySpan<float> a, ReadOnlySpan<float> targets, Span<float> gradient, int width, int total)
    {
        TensorPrimitives.Subtract(a, targets, gradient);
        // Summing row by row in double keeps the mean exact enough for full batches of many samples.
        var sum = 0.0;
        for (var row = 0; row < gradient.Length; row += width)
        {
            sum += TensorPrimitives.SumOfSquares(gradient.Slice(row, width));
        }

        TensorPrimitives.Multiply(gradient, 2f / total, gradient);
        return sum / total;
    }

    private static double MeanAbsolute(ReadOnlySpan<float> a, ReadOnlySpan<float> targets, Span<float> gradient, int total)
    {
        var scale = 1f / total;
        var sum = 0.0;
        for (var i = 0; i < gradient.Length; i++)
        {
            var difference = a[i] - targets[i];
            sum += Math.Abs(difference);
            // Comparisons rather than MathF.Sign, which throws on NaN; sign(0) = 0 as torch.sign.
            gradient[i] = difference > 0f ? scale : difference < 0f ? -scale : 0f;
        }

        return sum / total;
    }

    private static double BinaryOnLogits(
        ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> targets, Span<float> gradient, int total)
    {
        // BCE(σ(z), t) = max(z, 0) − z·t + log(1 + e^−|z|), which never takes the log of 0. The last term is
        // −log(max(σ(z), 1 − σ(z))), and σ(z) is already at hand: one log instead of an exp and a log. One
        // fused SIMD pass computes loss and gradient, since it runs over every pixel of an autoencoder.
        var scale = 1f / total;
        var elements = gradient.Length;
        var i = 0;
        var sums = Vector512<double>.Zero;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= elements - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var logit = Vector512.Create(z.Slice(i, Vector512<float>.Count));
                var target = Vector512.Create(targets.Slice(i, Vector512<float>.Count));
                var probability = Vector512.Create(a.Slice(i, Vector512<float>.Count));
                var term = Vector512.Max(logit, Vector512<float>.Zero) - (logit * target)
                         - FloatLog.Of(Vector512.Max(probability, Vector512<float>.One - probability));
                var (low, high) = Vector512.Widen(term);
                sums += low + high;
                ((probability - target) * scale).CopyTo(gradient[i..]);
            }
        }

        var sum = Vector512.Sum(sums);
        for (; i < elements; i++)
        {
            var logit = z[i];
            sum += Math.Max(logit, 0f) - (logit * targets[i]) + Math.Log(1.0 + Math.Exp(-Math.Abs(logit)));
            gradient[i] = (a[i] - targets[i]) * scale;
        }

        return sum / total;
    }

    private static double Binary(ReadOnlySpan<float> p, ReadOnlySpan<float> targets, Span<float> gradient, int total)
    {
        var scale = 1f / total;
        var sum = 0.0;
        for (var i = 0; i < gradient.Length; i++)
        {
            var probability = p[i];
            var target = targets[i];
            sum -= (target * Math.Max(MathF.Log(probability), MinLog))
                 + ((1f - target) * Math.Max(MathF.Log(1f - probability), MinLog));
            gradient[i] = (probability - target) / Math.Max(probability * (1f - probability), MinProbability) * scale;
        }

        return sum / total;
    }

    private static double CategoricalOnLogits(
        ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> targets, Span<float> gradient,
        int width, int batch)
    {
        // −Σ t_j log softmax(z)_j = Σ t_j (logsumexp(z) − z_j), with the max shifted out of the exponent.
        var sum = 0.0;
        for (var row = 0; row < gradient.Length; row += width)
        {
            var logits = z.Slice(row, width);
            var max = TensorPrimitives.Max(logits);
            var exponentials = 0.0;
            for (var j = 0; j < width; j++)
            {
                exponentials += Math.Exp(logits[j] - max);
            }

            var logSumExp = max + Math.Log(exponentials);
            for (var j = 0; j < width; j++)
            {
                var target = targets[row + j];
                if (target != 0f)
                {
                    sum += target * (logSumExp - logits[j]);
                }
            }
        }

        TensorPrimitives.Subtract(a, targets, gradient);
        TensorPrimitives.Multiply(gradient, 1f / batch, gradient);
        return sum / batch;
    }

    private static double Categorical(ReadOnlySpan<float> p, ReadOnlySpan<float> targets, Span<float> gradient, int batch)
    {
        var scale = 1f / batch;
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var target = targets[i];
            sum -= target * Math.Max(MathF.Log(p[i]), MinLog);
            gradient[i] = -target / Math.Max(p[i], MinProbability) * scale;
        }

        return sum / batch;
    }
}
