using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

internal sealed partial class ExperimentBinder
{
    private static readonly IReadOnlyDictionary<string, LossKind> Losses = EnumWords.Lower<LossKind>();

    private static readonly IReadOnlyDictionary<string, OptimizerKind> Optimizers = EnumWords.Lower<OptimizerKind>();

    private TrainingDefinition? BindTraining(YamlNode node, BoundModel? model)
    {
        if (context.Section(node, "training", ExperimentSchema.Training) is not { } training)
        {
            return null;
        }

        var epochs = training.Required("epochs", "epochs: 100") is { } epochsNode
            ? context.Rule(epochsNode, "training.epochs", context.Integer(epochsNode, "training.epochs"), e => e >= 1, "must be at least 1")
            : null;
        var loss = training.Choice("loss", Losses) ?? LossKind.Mse;
        var optimizer = training["optimizer"] is { } optimizerNode ? BindOptimizer(optimizerNode) : new OptimizerDefinition(OptimizerKind.Sgd);
        var learningRate = training.Number("learning_rate", r => r > 0, "must be greater than 0");
        var decay = training.Section("weight_decay", ExperimentSchema.Training.Keys!["weight_decay"]) is { } decaySection
            ? new WeightDecay(
                decaySection.Number("l1", v => v >= 0, "must be 0 or more") ?? 0,
                decaySection.Number("l2", v => v >= 0, "must be 0 or more") ?? 0)
            : WeightDecay.None;
        var batch = training["batch"] is { } batchNode ? BindBatch(batchNode) : BatchSize.Full;
        var shuffle = training.Flag("shuffle") ?? true;
        var earlyStop = training.Section("early_stop", ExperimentSchema.Training.Keys!["early_stop"]) is { } stop ? BindEarlyStop(stop) : EarlyStop.Default;

        if (model is not null && training.KeyNode("loss") is not null)
        {
            CheckLossMatchesOutput(training["loss"]!, loss, model);
        }

        return epochs is null || optimizer is null || batch is null
            ? null
            : new TrainingDefinition(epochs.Value, loss, optimizer, learningRate ?? optimizer.DefaultLearningRate, decay, batch.Value, shuffle, earlyStop);
    }

    /// <summary>Cross-entropy losses read probabilities, so the network must end in the matching squashing function.</summary>
    private void CheckLossMatchesOutput(YamlNode lossNode, LossKind loss, BoundModel model)
    {
        var definition = model.Definition;
        var last = definition.Kind == ModelKind.Autoencoder ? definition.OutputActivation : definition.Layers[^1].Activation;
        var needed = loss switch
        {
            LossKind.Bce => Activation.Sigmoid,
            LossKind.Cce => Activation.Softmax,
            _ => last,
        };
        if (needed != last)
        {
            context.Error(lossNode, $"training.loss {EnumText.Lower(loss)} needs the last layer's activation to be {EnumText.Lower(needed)}, but it is {EnumText.Lower(last)}");
        }
    }

    private BatchSize? BindBatch(YamlNode node)
    {
        switch ((node as YamlScalarNode)?.Value)
        {
            case "full":
                return BatchSize.Full;
            case "sgd":
                return BatchSize.Single;
            case { } text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1:
                return BatchSize.Of(size);
            default:
                context.Error(node, $"training.batch must be full, sgd or a whole number of at least 1, got {BindContext.Describe(node)}");
                return null;
        }
    }

    private static EarlyStop BindEarlyStop(YamlSection stop)
    {
        // An explicit null (or false) turns the divergence factor off; an absent key keeps the default.
        var divergenceOff = stop.KeyNode("divergence") is not null && (stop["divergence"] is null || stop["divergence"] is YamlScalarNode { Value: "false" });
        var divergence = divergenceOff ? null : stop.Number("divergence", v => v > 1, "must be greater than 1") ?? EarlyStop.Default.Divergence;
        var patience = stop.Integer("patience", p => p >= 1, "must be at least 1");
        return new EarlyStop(divergence, patience);
    }

    private OptimizerDefinition? BindOptimizer(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return context.Choice(node, "training.optimizer", Optimizers) is { } kind ? new OptimizerDefinition(kind) : null;
        }

        if (context.Section(node, "training.optimizer", ExperimentSchema.Optimizer) is not { } optimizer ||
            optimizer.Required("name", "name: adam") is not { } nameNode ||
            context.Choice(nameNode, "training.optimizer.name", Optimizers) is not { } name)
        {
            return null;
        }

        var defaults = new OptimizerDefinition(name);
        var sgd = name == OptimizerKind.Sgd;
        var adam = name is OptimizerKind.Adam or OptimizerKind.AdamW;
        OnlyFor(optimizer, "momentum", sgd, "optimizer sgd");
        OnlyFor(optimizer, "nesterov", sgd, "optimizer sgd");
        OnlyFor(optimizer, "beta1", adam, "optimizers adam and adamw");
        OnlyFor(optimizer, "beta2", adam, "optimizers adam and adamw");
        OnlyFor(optimizer, "eps", !sgd, "optimizers adam, adamw and rmsprop");
        OnlyFor(optimizer, "rho", name == OptimizerKind.RmsProp, "optimizer rmsprop");
        OnlyFor(optimizer, "decay", name == OptimizerKind.AdamW, "optimizer adamw (for L1/L2 penalties use training.weight_decay)");

        const string Fraction = "must be at least 0 and below 1";
        var definition = defaults with
        {
            Momentum = optimizer.Number("momentum", v => v is >= 0 and < 1, Fraction) ?? defaults.Momentum,
            Nesterov = optimizer.Flag("nesterov") ?? defaults.Nesterov,
            Beta1 = optimizer.Number("beta1", v => v is >= 0 and < 1, Fraction) ?? defaults.Beta1,
            Beta2 = optimizer.Number("beta2", v => v is >= 0 and < 1, Fraction) ?? defaults.Beta2,
            Epsilon = optimizer.Number("eps", v => v > 0, "must be greater than 0") ?? defaults.Epsilon,
            Rho = optimizer.Number("rho", v => v is >= 0 and < 1, Fraction) ?? defaults.Rho,
            DecoupledDecay = optimizer.Number("decay", v => v >= 0, "must be 0 or more") ?? defaults.DecoupledDecay,
        };
        if (definition.Nesterov && definition.Momentum == 0)
        {
            context.Error(optimizer["nesterov"]!, "training.optimizer.nesterov needs a momentum above 0");
        }

        return definition;
    }
}
