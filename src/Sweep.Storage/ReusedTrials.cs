namespace Sweep.Storage;

/// <summary>How many finished trials a new version took from <paramref name="Version"/> of the same experiment.</summary>
public sealed record ReusedTrials(int Version, int Trials);
