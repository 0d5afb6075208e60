using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>
/// The search block. <see cref="Parallel"/> null means one trial per core. <see cref="Trials"/> is the
/// number of samples a random search draws. <see cref="CoarseToFine"/> and <see cref="RangeTest"/> are set
/// only for their strategy.
/// </summary>
public sealed record SearchDefinition(
    SearchStrategy Strategy,
    int? Parallel,
    int Repeats,
    int Trials,
    ImmutableArray<SearchParameter> Parameters,
    CoarseToFineSettings? CoarseToFine,
    RangeTestSettings? RangeTest)
{
    public static SearchDefinition Single { get; } = new(SearchStrategy.Grid, null, 1, 0, [], null, null);
}
