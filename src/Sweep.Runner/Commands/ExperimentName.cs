using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sweep.Runner.Commands;

/// <summary>
/// The experiment a command is about, named as `sweep show NAME` names it (positionally) or with --experiment;
/// both at once must name the same one, so a typo in either is never silently ignored.
/// </summary>
internal sealed class ExperimentName
{
    private readonly Argument<string?> positional;
    private readonly Option<string?> named;
    private readonly bool required;

    /// <param name="description">What the name selects, for both forms' help.</param>
    /// <param name="required">Whether the command refuses to run without a name.</param>
    public ExperimentName(string description, bool required)
    {
        positional = new Argument<string?>("experiment") { Description = description, Arity = ArgumentArity.ZeroOrOne };
        named = new Option<string?>("--experiment") { Description = $"{description} Also accepted positionally." };
        this.required = required;
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(positional);
        command.Options.Add(named);
        command.Validators.Add(Check);
    }

    /// <summary>The name given either way; null when none was (only for a command where it is optional).</summary>
    public string? Read(ParseResult parsed) => parsed.GetValue(positional) ?? parsed.GetValue(named);

    private void Check(CommandResult result)
    {
        var (first, second) = (result.GetValue(positional), result.GetValue(named));
        if (first is not null && second is not null && first != second)
        {
            result.AddError($"the experiment is named twice, as '{first}' and as --experiment '{second}'; give one name.");
        }
        else if (required && first is null && second is null)
        {
            result.AddError($"'sweep {result.Command.Name}' needs an experiment's name: sweep {result.Command.Name} NAME (or --experiment NAME).");
        }
    }
}
