namespace Sweep.Models.Experiments;

/// <summary>A search parameter's dot path and the value one trial gives it.</summary>
public readonly record struct ParameterAssignment(string Path, ParameterValue Value);
