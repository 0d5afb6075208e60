namespace Sweep.Reports.Exporters;

/// <summary>
/// What the HTML and Markdown reports of a range-test sweep say in place of a best configuration: the suggested
/// rate to four significant digits, and a table of what the test found and the one trial that ran it. Such a
/// sweep searches no parameter and its trial runs no epoch, so a parameter table or a trials ranking would be empty.
/// </summary>
internal static class RangeTestText
{
    /// <summary>The sentence that answers the sweep, with <paramref name="strong"/> around the rate.</summary>
    public static string Headline(RangeTestFindings findings, Func<string, string> strong) => findings.Suggested is { } rate
        ? $"Suggested learning rate {strong(ReportText.Short(rate))}, where the smoothed loss falls fastest; the lowest-loss rate / 10 is {ReportText.Short(findings.LowestLossRateOverTen)}."
        : $"The smoothed loss never fell; the lowest-loss rate / 10 is {strong(ReportText.Short(findings.LowestLossRateOverTen))}.";

    /// <summary>
    /// The findings as rows of a two-column table, the trial that ran the test last with its id through
    /// <paramref name="code"/>, which also escapes it; every other value is a number or a word of ours.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> Rows(RangeTestFindings findings, TrialRow? trial, Func<string, string> code)
    {
        if (findings.Suggested is { } rate)
        {
            yield return ("Suggested learning rate (steepest fall of the smoothed loss)", ReportText.Short(rate));
        }
        yield return ("Lowest-loss rate / 10", ReportText.Short(findings.LowestLossRateOverTen));
        yield return ("Lowest smoothed loss", $"{ReportText.Short(findings.LowestLoss)} at rate {ReportText.Short(findings.LowestLossRate)}");
        yield return ("Steps", $"{ReportText.Integer(findings.Steps)}, rates {ReportText.Short(findings.FirstRate)} to {ReportText.Short(findings.LastRate)}");
        if (trial is not null)
        {
            yield return ("Trial", $"{code(trial.TrialId)}, {ReportText.Status(trial.Status)} in {ReportText.Seconds(trial.Seconds)} s");
        }
    }
}
