using System.Globalization;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Columns;

/// <summary>A searched key's value in each trial, under its dot path; empty for a trial that did not search it.</summary>
public sealed class ParameterColumn(string path, bool isNumeric) : ITrialColumn
{
    public string Id { get; } = path;

    public string Header => Id;

    public bool IsNumeric { get; } = isNumeric;

    // report.json keeps every searched key in each trial's parameters object, so it needs no column for them.
    public TrialOutputs Outputs => TrialOutputs.Csv | TrialOutputs.People;

    public string Exact(TrialRow trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.ValueOf(Id);
    }

    public string Text(TrialRow trial) =>
        IsNumeric && double.TryParse(Exact(trial), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? ReportText.Short(value) : Exact(trial);
}
