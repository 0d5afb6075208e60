namespace Sweep.Models.Data;

/// <summary>
/// Samples in row-major float32 matrices: <see cref="X"/> is count × features, <see cref="Y"/> count × targets.
/// The arrays are shared, never written after loading.
/// </summary>
public sealed record SampleSet(float[] X, float[] Y, int Count, int Features, int Targets)
{
    public ReadOnlySpan<float> Inputs(int sample) => X.AsSpan(sample * Features, Features);

    public ReadOnlySpan<float> Outputs(int sample) => Y.AsSpan(sample * Targets, Targets);
}
