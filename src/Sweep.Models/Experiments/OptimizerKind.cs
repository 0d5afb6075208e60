namespace Sweep.Models.Experiments;

/// <summary>The update rule that turns gradients into weight changes.</summary>
public enum OptimizerKind
{
    Sgd,
    Adam,
    RmsProp,
    AdamW,
}
