namespace Sweep.Reports.Columns;

/// <summary>The outputs that show a table of trials; a column names those it appears in.</summary>
[Flags]
public enum TrialOutputs
{
    None = 0,

    /// <summary><c>trials.csv</c>: exact values under the column ids.</summary>
    Csv = 1,

    /// <summary><c>report.json</c>: each trial's fields, exact, under the column ids.</summary>
    Json = 2,

    /// <summary><c>summary.md</c>: the top trials, short, under the headers.</summary>
    Markdown = 4,

    /// <summary><c>report.html</c>: the sortable trials table, short, sorted by the exact values.</summary>
    Html = 8,

    /// <summary>The files machines read.</summary>
    Files = Csv | Json,

    /// <summary>The tables people read.</summary>
    People = Markdown | Html,

    All = Files | People,
}
