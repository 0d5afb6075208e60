using System.Collections.Immutable;
using Sweep.Models.Validation;

namespace Sweep.Models.Experiments;

/// <summary>A loaded experiment, or the problems that kept it from loading, ordered by place in the file.</summary>
public sealed record ExperimentLoadResult(LoadedExperiment? Experiment, ImmutableArray<ValidationError> Errors)
{
    public bool IsValid => Experiment is not null;
}
