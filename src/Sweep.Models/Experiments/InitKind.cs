namespace Sweep.Models.Experiments;

/// <summary>How the weights of layers without explicit weights start.</summary>
public enum InitKind
{
    Zeros,
    Uniform,
    Normal,
    Xavier,
    He,
}
