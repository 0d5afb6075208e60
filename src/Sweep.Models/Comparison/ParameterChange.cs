namespace Sweep.Models.Comparison;

/// <summary>One searched key's value in the baseline's choice and in the latest; null where that run's choice has no such key.</summary>
public sealed record ParameterChange(string Path, string? Baseline, string? Latest)
{
    public bool Changed => !string.Equals(Baseline, Latest, StringComparison.Ordinal);
}
