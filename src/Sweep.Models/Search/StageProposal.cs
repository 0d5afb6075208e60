using System.Collections.Immutable;

namespace Sweep.Models.Search;

/// <summary>
/// The values a stage asks to be tried, smallest first. After a killed run the same stage comes back with
/// only the values still missing; every value proposed must come back as a <see cref="StagePoint"/> of
/// <see cref="Stage"/> before the search moves on.
/// </summary>
public sealed record StageProposal(int Stage, StageKind Kind, ImmutableArray<double> Values, ImmutableArray<string> Story)
    : SearchStep(Story);
