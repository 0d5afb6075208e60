namespace Sweep.Models.Experiments;

/// <summary>The three batch modes of seed 001.</summary>
public enum BatchMode
{
    Full,
    MiniBatch,
    Sgd,
}
