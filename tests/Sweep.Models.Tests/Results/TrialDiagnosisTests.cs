using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Models.Tests.Results;

public class TrialDiagnosisTests
{
    [Theory]
    [InlineData("slow", CurveLabel.Slow)]
    [InlineData("Oscillating", CurveLabel.Oscillating)]
    [InlineData("diverging", CurveLabel.Diverging)]
    [InlineData("good", CurveLabel.Good)]
    [InlineData("overfitting", CurveLabel.Overfitting)]
    public void A_stored_label_reads_as_its_curve_label(string text, CurveLabel expected)
    {
        Assert.Equal(expected, TrialDiagnosis.ParseLabel(text));
    }

    [Theory]
    [InlineData("fine")]
    [InlineData("overfit")]
    [InlineData("")]
    [InlineData("2")]
    public void An_unknown_stored_label_is_an_error_not_good(string text)
    {
        var error = Assert.Throws<FormatException>(() => TrialDiagnosis.ParseLabel(text));

        Assert.Contains($"'{text}' is not a curve label", error.Message, StringComparison.Ordinal);
    }
}
