namespace Sweep.Models.Data;

/// <summary>Labels read from an IDX file.</summary>
/// <param name="DeclaredCount">How many labels the header announces (the limit may have read fewer).</param>
internal sealed record IdxLabels(byte[] Values, int DeclaredCount);
