namespace Sweep.Models.Search;

/// <summary>What a stage of a coarse-to-fine search does.</summary>
public enum StageKind
{
    /// <summary>Whole decades around the start value.</summary>
    Coarse,
    /// <summary>One more decade beyond the grid's edge, because the best sits there.</summary>
    Extend,
    /// <summary>A linear grid inside the bracket of the best value.</summary>
    Fine,
}
