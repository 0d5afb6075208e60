namespace Sweep.Runner.Reporting;

/// <summary>
/// Puts summary.md on a CI system's job page: appends it to the file GitHub Actions names in GITHUB_STEP_SUMMARY,
/// and to the file --summary names (any other CI system, or a file of the job's own). Appending, because a job's
/// steps share the one page; a file named by both is written once. A summary that cannot be written is reported
/// and the reports stay as they are: the sweep ran either way.
/// </summary>
internal static class JobSummary
{
    public const string GitHubVariable = "GITHUB_STEP_SUMMARY";

    public const string FileName = "summary.md";

    /// <summary>The files to append to: --summary's, then GITHUB_STEP_SUMMARY's, each once.</summary>
    public static IReadOnlyList<string> Targets(string? summaryOption, string? gitHubSummary) =>
        [.. new[] { summaryOption, gitHubSummary }
            .Where(path => !string.IsNullOrWhiteSpace(path))
            .Select(path => Path.GetFullPath(path!))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The targets for this process: --summary and the GITHUB_STEP_SUMMARY it was started with.</summary>
    public static IReadOnlyList<string> Targets(string? summaryOption) =>
        Targets(summaryOption, Environment.GetEnvironmentVariable(GitHubVariable));

    /// <summary>Appends the summary.md written into <paramref name="reportFolder"/> to each target; <paramref name="onFailure"/> hears of each that fails.</summary>
    public static void Append(string reportFolder, IReadOnlyList<string> targets, Action<string, Exception> onFailure)
    {
        var summary = Path.Combine(reportFolder, FileName);
        if (targets.Count == 0 || !File.Exists(summary))
        {
            return;
        }

        var text = File.ReadAllText(summary);
        foreach (var target in targets)
        {
            try
            {
                File.AppendAllText(target, text.EndsWith('\n') ? text + "\n" : text + "\n\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                onFailure(target, e);
            }
        }
    }
}
