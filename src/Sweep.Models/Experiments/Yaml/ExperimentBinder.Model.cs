using System.Collections.Immutable;
using Sweep.Models.Validation;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

internal sealed partial class ExperimentBinder
{
    private static readonly IReadOnlyDictionary<string, ModelKind> ModelKinds = EnumWords.Lower<ModelKind>();

    private static readonly IReadOnlyDictionary<string, Activation> Activations = EnumWords.Lower<Activation>();

    private static readonly IReadOnlyDictionary<string, InitKind> Inits = EnumWords.Lower<InitKind>();

    /// <summary>The model block and the node that sets its last activation (for loss checks).</summary>
    private sealed record BoundModel(ModelDefinition Definition, YamlNode LastActivationNode);

    private BoundModel? BindModel(YamlNode node, BoundData? data)
    {
        if (context.Section(node, "model", ExperimentSchema.Model) is not { } model)
        {
            return null;
        }

        var kind = model.Choice("kind", ModelKinds) ?? ModelKind.Layers;
        var init = model.Choice("init", Inits) ?? InitKind.Uniform;
        return kind == ModelKind.Autoencoder ? BindAutoencoder(model, init) : BindLayers(model, init, data);
    }

    private BoundModel? BindLayers(YamlSection model, InitKind init, BoundData? data)
    {
        foreach (var key in new[] { "hidden", "activation", "output" })
        {
            OnlyFor(model, key, applies: false, "kind autoencoder (a layers model sets activations per layer)");
        }

        if (model.Required("layers", "layers: [{units: 1, activation: linear}]") is not { } layersNode)
        {
            return null;
        }

        var inputs = data?.Inputs;
        var layers = context.List(layersNode, "model.layers", (item, path) =>
        {
            var layer = BindLayer(item, path, inputs);
            inputs = layer?.Units;
            return layer;
        });
        if (layers is null)
        {
            return null;
        }

        if (layers.Count == 0)
        {
            context.Error(layersNode, "model.layers is empty; give at least one layer");
            return null;
        }

        var last = (YamlSequenceNode)layersNode;
        if (data?.Targets is { } targets && ModelShape.OutputProblem(layers[^1].Units, targets) is { } outputProblem)
        {
            context.Error(last.Children[^1], outputProblem);
        }

        var lastNode = last.Children[^1] is YamlMappingNode lastLayer && lastLayer.Children.TryGetValue(new YamlScalarNode("activation"), out var activation)
            ? activation
            : last.Children[^1];
        return new BoundModel(new ModelDefinition(ModelKind.Layers, [.. layers], init, [], Activation.Linear, Activation.Linear), lastNode);
    }

    private LayerDefinition? BindLayer(YamlNode node, string path, int? inputs)
    {
        if (context.Section(node, path, ExperimentSchema.Layer) is not { } layer)
        {
            return null;
        }

        var units = layer.Required("units", "units: 1") is { } unitsNode
            ? context.Rule(unitsNode, $"{path}.units", context.Integer(unitsNode, $"{path}.units"), u => u >= 1, "must be at least 1")
            : null;
        var activation = layer.Choice("activation", Activations) ?? Activation.Linear;
        var clipMin = layer.Number("clip_min") ?? double.NegativeInfinity;
        var clipMax = layer.Number("clip_max") ?? double.PositiveInfinity;
        OnlyFor(layer, "clip_min", activation == Activation.Clip, "activation clip");
        OnlyFor(layer, "clip_max", activation == Activation.Clip, "activation clip");
        if (clipMin >= clipMax)
        {
            context.Error(layer["clip_max"]!, $"{path}.clip_max must be greater than clip_min ({clipMin})");
        }

        if (units is not { } u)
        {
            return null;
        }

        var weights = layer["weights"] is { } weightsNode ? Weights(weightsNode, $"{path}.weights", u, inputs) : null;
        var bias = layer["bias"] is { } biasNode ? context.Numbers(biasNode, $"{path}.bias") : null;
        if (bias is not null && bias.Length != u)
        {
            context.Error(layer["bias"]!, $"{path}.bias has {bias.Length} values but the layer has {u} units; give one bias per unit");
        }

        return new LayerDefinition(u, activation, clipMin, clipMax, weights, bias?.ToImmutableArray());
    }

    /// <summary>Explicit weights: one row per unit, one column per input.</summary>
    private ImmutableArray<ImmutableArray<double>>? Weights(YamlNode node, string path, int units, int? inputs)
    {
        if (Matrix(node, path) is not { } rows)
        {
            return null;
        }

        if (rows.Length != units)
        {
            context.Error(node, $"{path} has {rows.Length} rows but the layer has {units} units; give one row per unit");
        }
        else if (inputs is { } width && ModelShape.InputProblem(path, rows[0].Length, width) is { } inputProblem)
        {
            context.Error(node, inputProblem);
        }

        return rows;
    }

    private BoundModel? BindAutoencoder(YamlSection model, InitKind init)
    {
        OnlyFor(model, "layers", applies: false, "kind layers (an autoencoder's layers come from hidden)");
        var hidden = model.Required("hidden", "hidden: [32]") is { } hiddenNode ? context.Numbers(hiddenNode, "model.hidden") : null;
        if (hidden is not null && (hidden.Length == 0 || hidden.Any(h => h < 1 || h != Math.Floor(h))))
        {
            context.Error(model["hidden"]!, "model.hidden must list at least one layer width, each a whole number of at least 1");
            hidden = null;
        }

        var activation = model.Choice("activation", Activations) ?? Activation.Relu;
        var output = model.Choice("output", Activations) ?? Activation.Sigmoid;
        return hidden is null
            ? null
            : new BoundModel(new ModelDefinition(ModelKind.Autoencoder, [], init, [.. hidden.Select(h => (int)h)], activation, output), model["output"] ?? model.Node);
    }
}
