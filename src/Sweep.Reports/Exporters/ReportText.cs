using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Reports.Exporters;

/// <summary>The words every format shares: statuses and labels in lower case, the same in every culture.</summary>
internal static class ReportText
{
    public static string Status(TrialStatus status) => status switch
    {
        TrialStatus.Pending => "pending",
        TrialStatus.Running => "running",
        TrialStatus.Completed => "completed",
        TrialStatus.Diverged => "diverged",
        TrialStatus.Failed => "failed",
        TrialStatus.Interrupted => "interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No report text for this status."),
    };

    public static string Label(CurveLabel? label) => label switch
    {
        null => string.Empty,
        CurveLabel.Slow => "slow",
        CurveLabel.Oscillating => "oscillating",
        CurveLabel.Diverging => "diverging",
        CurveLabel.Good => "good",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "No report text for this label."),
    };

}
