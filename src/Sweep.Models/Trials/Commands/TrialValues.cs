using System.Globalization;
using Sweep.Models.Experiments;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// The text of each resolved key of a trial's configuration as a program receives it: numbers in the
/// invariant culture in their shortest round-trip form (1e-05, 0.0017, 256), words as a file writes them.
/// </summary>
public static class TrialValues
{
    private static readonly string[] TrainingKeys =
    [
        "training.epochs", "training.learning_rate", "training.batch", "training.weight_decay.l1", "training.weight_decay.l2",
        "training.loss", "training.optimizer", "training.optimizer.name", "training.optimizer.momentum", "training.optimizer.beta1",
        "training.optimizer.beta2", "training.optimizer.eps", "training.shuffle", "training.early_stop.divergence",
        "training.early_stop.patience",
    ];

    /// <summary>Every dot path <see cref="TextOf"/> knows for <paramref name="configuration"/>.</summary>
    public static IEnumerable<string> Paths(ExperimentDefinition configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ["seed", "name", .. TrainingKeys, .. configuration.Params.Keys.Select(key => $"params.{key}")];
    }

    /// <summary>The text of the key at <paramref name="path"/>, "" for a key set to nothing, or null when there is no such key.</summary>
    public static string? TextOf(ExperimentDefinition configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(path);
        var training = configuration.Training;
        var optimizer = training.Optimizer;
        return path switch
        {
            "seed" => configuration.Seed.ToString(CultureInfo.InvariantCulture),
            "name" => configuration.Name,
            "training.epochs" => training.Epochs.ToString(CultureInfo.InvariantCulture),
            "training.learning_rate" => Number(training.LearningRate),
            "training.batch" => training.Batch.ToString(),
            "training.weight_decay.l1" => Number(training.WeightDecay.L1),
            "training.weight_decay.l2" => Number(training.WeightDecay.L2),
            "training.loss" => EnumText.Lower(training.Loss),
            "training.optimizer" or "training.optimizer.name" => EnumText.Lower(optimizer.Kind),
            "training.optimizer.momentum" => Number(optimizer.Momentum),
            "training.optimizer.beta1" => Number(optimizer.Beta1),
            "training.optimizer.beta2" => Number(optimizer.Beta2),
            "training.optimizer.eps" => Number(optimizer.Epsilon),
            "training.shuffle" => training.Shuffle ? "true" : "false",
            "training.early_stop.divergence" => training.EarlyStop.Divergence is { } factor ? Number(factor) : "",
            "training.early_stop.patience" => training.EarlyStop.Patience?.ToString(CultureInfo.InvariantCulture) ?? "",
            _ when path.StartsWith("params.", StringComparison.Ordinal) &&
                   configuration.Params.TryGetValue(path["params.".Length..], out var value) => value.Text,
            _ => null,
        };
    }

    private static string Number(double value) => ParameterValue.Of(value).Text;
}
