namespace Sweep.Models.Experiments;

/// <summary>The data block: a source, the validation hold-out, normalisation and an optional sample limit.</summary>
/// <param name="Validation">Fraction of samples held out for validation (seeded split); 0 = none. Ignored when an idx source has test files.</param>
/// <param name="Limit">Use only the first N samples of the source (and of its test files).</param>
public sealed record DataDefinition(DataSource Source, double Validation, Normalization Normalize, int? Limit);
