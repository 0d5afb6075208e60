using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>
/// The network. For <see cref="ModelKind.Layers"/> the layers are listed; for
/// <see cref="ModelKind.Autoencoder"/> they are the hidden layers and an output layer as wide as the input,
/// built by <see cref="LayersFor"/>.
/// </summary>
public sealed record ModelDefinition(
    ModelKind Kind,
    ImmutableArray<LayerDefinition> Layers,
    InitKind Init,
    ImmutableArray<int> Hidden,
    Activation HiddenActivation,
    Activation OutputActivation)
{
    /// <summary>The dense layers for data with <paramref name="inputs"/> features.</summary>
    public ImmutableArray<LayerDefinition> LayersFor(int inputs) => Kind switch
    {
        ModelKind.Autoencoder => [.. Hidden.Select(units => new LayerDefinition(units, HiddenActivation)),
                                  new LayerDefinition(inputs, OutputActivation)],
        _ => Layers,
    };
}
