using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Tests.Training;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Search;

/// <summary>
/// y = 2·x1 − x2 + 0.5 + noise with x1 three times wider and x2 half as wide as [−1, 1], fitted by a linear
/// model from zeros with full-batch gradient descent on mean-reduced MSE. The Hessian of
/// L = mean((Xw + b − y)²) is H = 2·mean([x; 1][x; 1]ᵀ), the same everywhere, so rates above 2 / λmax(H)
/// diverge: a bound known in closed form.
/// </summary>
internal sealed class LinearRegressionProblem
{
    private const int Samples = 64;

    public LinearRegressionProblem(int epochs = 100, BatchSize? batch = null)
    {
        Epochs = epochs;
        Batch = batch ?? BatchSize.Full;
        var random = new Random(11);
        var x1 = Build.Uniform(random, Samples, -3, 3);
        var x2 = Build.Uniform(random, Samples, -0.5f, 0.5f);
        var noise = Build.Uniform(random, Samples, -0.17f, 0.17f);
        var inputs = new float[2 * Samples];
        var targets = new float[Samples];
        for (var i = 0; i < Samples; i++)
        {
            (inputs[2 * i], inputs[(2 * i) + 1]) = (x1[i], x2[i]);
            targets[i] = (2 * x1[i]) - x2[i] + 0.5f + noise[i];
        }

        Data = new Dataset(new SampleSet(inputs, targets, Samples, 2, 1), null, false);
        DivergenceBound = 2 / LargestEigenvalue(Hessian(inputs));
    }

    public int Epochs { get; }

    public BatchSize Batch { get; }

    public Dataset Data { get; }

    /// <summary>2 / λmax of the Hessian: gradient descent at a larger rate diverges.</summary>
    public double DivergenceBound { get; }

    public static ModelDefinition Model { get; } = Build.Model(InitKind.Zeros, Build.Layer(1, Activation.Linear));

    public TrainingDefinition Training(double rate) => Build.Training(Epochs, rate, Batch);

    public TrialResult Train(double rate)
    {
        var result = new Trainer(Model, Training(rate), Data, seed: 0).Run();
        return new TrialResult($"lr-{rate}", result.Status, result.Epochs, null, 0);
    }

    private static double[,] Hessian(float[] inputs)
    {
        var hessian = new double[3, 3];
        for (var i = 0; i < Samples; i++)
        {
            double[] row = [inputs[2 * i], inputs[(2 * i) + 1], 1];
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    hessian[r, c] += 2 * row[r] * row[c] / Samples;
                }
            }
        }

        return hessian;
    }

    /// <summary>Power iteration: the matrix is symmetric positive definite, so it converges to λmax.</summary>
    private static double LargestEigenvalue(double[,] matrix)
    {
        double[] vector = [1, 1, 1];
        var eigenvalue = 0.0;
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var next = new double[3];
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    next[r] += matrix[r, c] * vector[c];
                }
            }

            eigenvalue = Math.Sqrt(next.Sum(v => v * v));
            vector = [.. next.Select(v => v / eigenvalue)];
        }

        return eigenvalue;
    }
}
