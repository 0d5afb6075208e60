using System.Globalization;
using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Training.Reference;

/// <summary>
/// One training run of make_reference.py: the network, its starting parameters, the data, the settings, and
/// what PyTorch recorded (per-epoch train losses, final parameters). Field names are the JSON's, in snake case.
/// </summary>
internal sealed record TorchReferenceCase(
    string Name,
    TorchReferenceCase.LayerSpec[] Layers,
    TorchReferenceCase.LayerParameters[] Initial,
    float[][] X,
    float[][] Y,
    bool Classification,
    TorchReferenceCase.Settings Training,
    double[] Losses,
    TorchReferenceCase.LayerParameters[] Final)
{
    /// <summary>The same layers, starting from PyTorch's initial weights and biases.</summary>
    public ModelDefinition ToModel() => Build.Model(
        InitKind.Zeros,
        [.. Layers.Select((layer, l) => Build.Layer(
            layer.Units, ParseActivation(layer.Activation),
            weights: [.. Initial[l].Weights.Select(row => row.Select(value => (double)value).ToArray())],
            bias: [.. Initial[l].Bias.Select(value => (double)value)]))]);

    /// <summary>The same settings, in file order, with early stopping off so every epoch runs.</summary>
    public TrainingDefinition ToTraining()
    {
        var optimizer = Training.Optimizer;
        var definition = new OptimizerDefinition(
            Enum.Parse<OptimizerKind>(optimizer.Kind, ignoreCase: true),
            optimizer.Momentum, optimizer.Nesterov, optimizer.Beta1, optimizer.Beta2, optimizer.Epsilon,
            optimizer.Rho, optimizer.DecoupledDecay);
        var batch = Training.Batch switch
        {
            "full" => BatchSize.Full,
            "sgd" => BatchSize.Single,
            var size => BatchSize.Of(int.Parse(size, CultureInfo.InvariantCulture)),
        };
        return new TrainingDefinition(
            Training.Epochs, Enum.Parse<LossKind>(Training.Loss, ignoreCase: true), definition, Training.Lr,
            new WeightDecay(Training.L1, Training.L2), batch, Shuffle: false, new EarlyStop(null, null));
    }

    public Dataset ToDataset() => new(
        new SampleSet([.. X.SelectMany(row => row)], [.. Y.SelectMany(row => row)], X.Length, X[0].Length, Y[0].Length),
        null,
        Classification);

    public static Activation ParseActivation(string name) => Enum.Parse<Activation>(name, ignoreCase: true);

    public sealed record LayerSpec(int Units, string Activation);

    /// <summary>One layer's weights (units rows of inputs values, as torch.nn.Linear) and biases.</summary>
    public sealed record LayerParameters(float[][] Weights, float[] Bias);

    public sealed record Settings(
        OptimizerSettings Optimizer, string Loss, double Lr, double L1, double L2, string Batch, int Epochs);

    public sealed record OptimizerSettings(
        string Kind, double Momentum, bool Nesterov, double Beta1, double Beta2, double Epsilon, double Rho,
        double DecoupledDecay);
}
