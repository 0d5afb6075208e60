namespace Sweep.Models.Experiments;

/// <summary>
/// The optimizer and its settings. Defaults follow PyTorch: momentum 0, Adam betas 0.9 / 0.999, eps 1e-8,
/// RMSprop rho 0.9 (PyTorch's alpha 0.99 is its own default; seed 001 and Keras use 0.9), AdamW decay 0.01.
/// </summary>
public sealed record OptimizerDefinition(
    OptimizerKind Kind,
    double Momentum = 0,
    bool Nesterov = false,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8,
    double Rho = 0.9,
    double DecoupledDecay = 0.01)
{
    /// <summary>The rate a coarse-to-fine search starts from: 0.001 for the adaptive optimizers, 0.01 for SGD.</summary>
    public double DefaultLearningRate => Kind == OptimizerKind.Sgd ? 0.01 : 0.001;
}
