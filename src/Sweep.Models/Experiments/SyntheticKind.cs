namespace Sweep.Models.Experiments;

/// <summary>The seeded data generators.</summary>
public enum SyntheticKind
{
    /// <summary>y = w·x + b plus Gaussian noise.</summary>
    Linear,
    /// <summary>The seed-000 function: y = x clipped at 250, inputs spread over [-200, 600].</summary>
    Clip,
    /// <summary>Gaussian clusters, one per class, with one-hot targets.</summary>
    Blobs,
    /// <summary>Interleaved spiral arms, one per class, with one-hot targets.</summary>
    Spiral,
}
