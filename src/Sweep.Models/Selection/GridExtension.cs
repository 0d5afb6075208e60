namespace Sweep.Models.Selection;

/// <summary>Which way a log grid must grow because its best point sits on its edge.</summary>
public enum GridExtension
{
    /// <summary>The best point has tried neighbours on the side where the optimum lies.</summary>
    None,
    /// <summary>The best is the smallest value and not slow: smaller values may do better.</summary>
    Down,
    /// <summary>The best is the largest value and neither oscillates nor diverges: larger values may do better.</summary>
    Up,
}
