using System.Collections.Immutable;
using Sweep.Models.Validation;

namespace Sweep.Models.Search;

/// <summary>The trials an experiment expands into, or the problems that some combination of values makes.</summary>
public sealed record TrialPlanResult(ImmutableArray<TrialPlan> Trials, ImmutableArray<ValidationError> Errors)
{
    public bool IsValid => Errors.IsEmpty;
}
