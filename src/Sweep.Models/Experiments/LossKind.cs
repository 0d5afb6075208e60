namespace Sweep.Models.Experiments;

/// <summary>The training loss: mean squared or absolute error, binary or categorical cross-entropy.</summary>
public enum LossKind
{
    Mse,
    Mae,
    Bce,
    Cce,
}
