namespace Sweep.Models.Experiments;

/// <summary>The function a dense layer applies to its outputs.</summary>
public enum Activation
{
    Linear,
    Sigmoid,
    Tanh,
    Relu,
    Softmax,
    /// <summary>Identity clipped to [min, max] (the seed-000 perceptron clips at 250).</summary>
    Clip,
}
