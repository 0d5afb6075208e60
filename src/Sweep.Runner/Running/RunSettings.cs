using Sweep.Runner.Logging;

namespace Sweep.Runner.Running;

/// <summary>What `sweep run` was asked to do: the options as given, nulls where the user gave none.</summary>
/// <param name="SummaryFile">--summary: a file summary.md is appended to, beside GITHUB_STEP_SUMMARY's.</param>
internal sealed record RunSettings(
    string ExperimentPath,
    string StorePath,
    string OutputFolder,
    int? Parallel,
    bool Fresh,
    int? MaxTrials,
    TimeSpan? Timeout,
    LogSettings Log,
    string? SummaryFile = null);
