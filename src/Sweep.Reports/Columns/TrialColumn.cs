namespace Sweep.Reports.Columns;

/// <summary>A column read from a trial's fields by functions: how every fixed column of <see cref="TrialColumns"/> is defined.</summary>
public sealed class TrialColumn(
    string id,
    string header,
    bool isNumeric,
    TrialOutputs outputs,
    Func<TrialRow, string> exact,
    Func<TrialRow, string> text) : ITrialColumn
{
    public string Id { get; } = id;

    public string Header { get; } = header;

    public bool IsNumeric { get; } = isNumeric;

    public TrialOutputs Outputs { get; } = outputs;

    /// <summary>Prefixes the cell's text to name its kind (<c>status</c> gives <c>status-completed</c>); null for no style.</summary>
    public string? StylePrefix { get; init; }

    public string Exact(TrialRow trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return exact(trial);
    }

    public string Text(TrialRow trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return text(trial);
    }

    public string? Style(TrialRow trial) =>
        StylePrefix is { } prefix && Text(trial) is var word ? $"{prefix}-{(word.Length == 0 ? "none" : word)}" : null;
}
