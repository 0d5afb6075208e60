using System.Globalization;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Models.Selection;

/// <summary>
/// A stored range test with its result worked out again from its steps, and the sentences that tell its
/// suggestion: the steepest fall of the smoothed loss, or the lowest-loss rate / 10 when it never fell.
/// </summary>
public sealed record RangeTestChoice(RangeTestRecord Record, RangeTestResult Result)
{
    public static RangeTestChoice Of(RangeTestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RangeTestChoice(record, record.Replay());
    }

    /// <summary>The rate the test suggests.</summary>
    public double Rate => Result.Suggestion ?? Result.MinLossRateOverTen;

    /// <summary>The test's metric as <c>sweep best --format json</c> names it.</summary>
    public string Metric => Result.Suggestion is null ? "min_loss_over_ten" : "steepest_fall";

    /// <summary>The sentence a range-test sweep's report ends its story with.</summary>
    public string Suggestion => Result.Suggestion is { } rate
        ? Text($"Suggested learning rate {rate:G4}: the smoothed loss falls fastest there; the lowest-loss rate / 10 is {Result.MinLossRateOverTen:G4}.")
        : Text($"The smoothed loss never fell; the lowest-loss rate / 10 is {Result.MinLossRateOverTen:G4}.");

    /// <summary>The line <c>sweep best</c> gives the test when it is the answer.</summary>
    public string Summary
    {
        get
        {
            var by = Record.ByLrFind ? " (sweep lr-find)" : "";
            return Result.Suggestion is { } steepest
                ? Text($"range test {Record.Id}{by}: the smoothed loss falls fastest at {steepest:G4} ({Result.SteepestSlope:G4} per decade); lowest-loss rate / 10: {Result.MinLossRateOverTen:G4}.")
                : Text($"range test {Record.Id}{by}: the smoothed loss never fell; lowest-loss rate / 10: {Result.MinLossRateOverTen:G4}.");
        }
    }

    /// <summary>The line a test stored by lr-find adds to <c>sweep best</c>'s pick of a sweep's trials.</summary>
    public string LrFindLine => Result.Suggestion is { } rate
        ? Text($"Range test {Record.Id} (sweep lr-find, {Result.Steps.Length} steps): suggested learning rate {rate:G4}; lowest-loss rate / 10: {Result.MinLossRateOverTen:G4}.")
        : Text($"Range test {Record.Id} (sweep lr-find, {Result.Steps.Length} steps): the smoothed loss never fell; lowest-loss rate / 10: {Result.MinLossRateOverTen:G4}.");

    /// <summary>The sentence a test stored by lr-find adds to a report's story.</summary>
    public string LrFindStory => Result.Suggestion is { } rate
        ? Text($"A range test stored by sweep lr-find ({Result.Steps.Length} steps) suggests learning rate {rate:G4}, where its smoothed loss falls fastest; its lowest-loss rate / 10 is {Result.MinLossRateOverTen:G4}.")
        : Text($"A range test stored by sweep lr-find ({Result.Steps.Length} steps) found no fall of its smoothed loss; its lowest-loss rate / 10 is {Result.MinLossRateOverTen:G4}.");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
