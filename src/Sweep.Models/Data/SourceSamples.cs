namespace Sweep.Models.Data;

/// <summary>
/// What a source reader produced, before the split and normalisation: every sample (after the limit), the
/// source's own test samples when it has them, and what the targets mean.
/// </summary>
/// <param name="TargetsAreInputs">The targets are the inputs themselves (an autoencoder); they are then
/// normalised like the inputs.</param>
internal sealed record SourceSamples(SampleSet Samples, SampleSet? Test, bool IsClassification, bool TargetsAreInputs);
