namespace Sweep.Models.Experiments;

/// <summary>Whether the model is a stack of listed layers or an autoencoder whose target is its input.</summary>
public enum ModelKind
{
    Layers,
    Autoencoder,
}
