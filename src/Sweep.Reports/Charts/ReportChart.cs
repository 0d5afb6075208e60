using ScottPlot;

namespace Sweep.Reports.Charts;

/// <summary>
/// One chart of the report: its file-safe id (<c>loss-curves</c>, also the PNG's name), its heading, a sentence
/// that says how to read it, and the plot; a null plot means the chart applies but has nothing to draw.
/// </summary>
public sealed record ReportChart(string Id, string Title, string Caption, Plot? Plot);
