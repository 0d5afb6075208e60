namespace Sweep.Models.Search;

/// <summary>Why a learning-rate range test ended.</summary>
public enum RangeTestStop
{
    /// <summary>All steps ran: the rate reached the end value.</summary>
    Completed,
    /// <summary>The smoothed loss rose above the stop factor times its minimum.</summary>
    LossExploded,
    /// <summary>A loss became NaN or infinite.</summary>
    NonFinite,
    /// <summary>The run was cancelled.</summary>
    Cancelled,
}
