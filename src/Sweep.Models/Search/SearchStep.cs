using System.Collections.Immutable;

namespace Sweep.Models.Search;

/// <summary>
/// What a coarse-to-fine search says after the trials so far: either a <see cref="StageProposal"/> (values
/// to try next) or a <see cref="SearchDecision"/> (the pick). Both carry the story so far, one line per stage.
/// </summary>
public abstract record SearchStep(ImmutableArray<string> Story);
