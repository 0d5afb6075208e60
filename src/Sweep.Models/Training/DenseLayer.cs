using Sweep.Models.Experiments;

namespace Sweep.Models.Training;

/// <summary>
/// Where one dense layer lives in the network's flat parameter vector and what it applies:
/// its weights are <see cref="Units"/> × <see cref="Inputs"/> row-major at <see cref="WeightOffset"/>, its
/// biases <see cref="Units"/> values at <see cref="BiasOffset"/>.
/// </summary>
internal readonly record struct DenseLayer(
    int Inputs, int Units, Activation Activation, float ClipMin, float ClipMax, int WeightOffset, int BiasOffset)
{
    public int WeightCount => Inputs * Units;
}
