namespace Sweep.Models.Experiments;

/// <summary>A key of the experiment, named by its dot path, and the values a search gives it.</summary>
/// <param name="IncludeZero">Also try 0 (e.g. no weight decay) besides the range's points.</param>
public sealed record SearchParameter(string Path, ParameterSpace Space, bool IncludeZero);
