using System.Text;

namespace Sweep.Runner;

/// <summary>A plain, left-aligned text table: the same bytes on every terminal, in logs and in tests.</summary>
internal static class TextTable
{
    public static string Format(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, header, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToList(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        text.Append(string.Join("  ", cells.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
    }
}
