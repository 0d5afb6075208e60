namespace Sweep.Models.Experiments;

/// <summary>How the search block turns into trials.</summary>
public enum SearchStrategy
{
    Grid,
    Random,
    CoarseToFine,
    LrRangeTest,
}
