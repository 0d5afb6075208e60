namespace Sweep.Models.Search;

/// <summary>Why a coarse-to-fine search stopped refining.</summary>
public enum SearchStopReason
{
    /// <summary>No untried value at the configured significant digits lies inside the bracket.</summary>
    Resolution,
    /// <summary>The last fine stage improved the best metric by less than the tolerance.</summary>
    Tolerance,
    /// <summary>The trial budget is spent.</summary>
    Budget,
    /// <summary>The bracket is empty: the best sits on the search's bound with nothing beside it to try.</summary>
    Bound,
}
