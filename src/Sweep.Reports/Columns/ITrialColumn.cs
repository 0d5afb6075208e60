namespace Sweep.Reports.Columns;

/// <summary>
/// One column of every table of trials, defined once and rendered by each exporter: its name in files, its
/// heading for people, the outputs it appears in, and a trial's cell, exact (files, sorting) and short (people).
/// </summary>
public interface ITrialColumn
{
    /// <summary>The column's name in CSV and JSON: a dot path for a searched key, such as <c>model.layers.0.units</c>.</summary>
    string Id { get; }

    /// <summary>The heading people read.</summary>
    string Header { get; }

    /// <summary>Whether the cells are numbers, which sort as numbers.</summary>
    bool IsNumeric { get; }

    /// <summary>The outputs whose tables of trials show this column.</summary>
    TrialOutputs Outputs { get; }

    /// <summary>The cell exactly, as a file keeps it; empty when the trial has no value.</summary>
    string Exact(TrialRow trial);

    /// <summary>The cell as people read it.</summary>
    string Text(TrialRow trial);

    /// <summary>A name for the cell's kind that a page can colour (<c>status-failed</c>); null when the cell has none.</summary>
    string? Style(TrialRow trial) => null;
}
