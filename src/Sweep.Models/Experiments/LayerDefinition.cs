using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>
/// One dense layer. <see cref="Weights"/>, when given, holds one row per unit (units × inputs) and
/// <see cref="Bias"/> one value per unit; they replace the model's init for this layer.
/// </summary>
public sealed record LayerDefinition(
    int Units,
    Activation Activation,
    double ClipMin = double.NegativeInfinity,
    double ClipMax = double.PositiveInfinity,
    ImmutableArray<ImmutableArray<double>>? Weights = null,
    ImmutableArray<double>? Bias = null);
