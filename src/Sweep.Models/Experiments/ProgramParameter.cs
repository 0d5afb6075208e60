using System.Globalization;

namespace Sweep.Models.Experiments;

/// <summary>
/// One of a training program's own hyperparameters (the <c>params</c> block): a number, a word or a flag,
/// with its text as it is handed to the program.
/// </summary>
public readonly record struct ProgramParameter(string Text, double? Number, bool? Flag)
{
    /// <summary>A plain YAML scalar: true/false are flags, numbers are numbers, the rest is text.</summary>
    public static ProgramParameter Of(string text, bool quoted)
    {
        if (!quoted && bool.TryParse(text, out var flag))
        {
            return new(flag ? "true" : "false", null, flag);
        }

        return !quoted && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? new(ParameterValue.Of(number).Text, number, null)
            : new(text, null, null);
    }

    public override string ToString() => Text;
}
