namespace Sweep.Models.Experiments;

/// <summary>Seeded generated data: <see cref="Samples"/> samples of the given kind.</summary>
/// <param name="Features">Input width (linear; blobs); spiral and clip are fixed at 2 and 1.</param>
/// <param name="Classes">Number of classes for blobs and spiral.</param>
/// <param name="Slope">Coefficient of every feature for the linear kind.</param>
/// <param name="Intercept">Constant term for the linear kind.</param>
public sealed record SyntheticSource(
    SyntheticKind Kind,
    int Samples,
    double Noise,
    int Features = 1,
    int Classes = 3,
    double Slope = 3,
    double Intercept = 0) : DataSource;
