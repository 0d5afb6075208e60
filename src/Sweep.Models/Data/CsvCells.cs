using System.Text;

namespace Sweep.Models.Data;

/// <summary>
/// Splits one CSV line into cells: commas separate, a cell that starts with a double quote may hold commas,
/// and "" inside quotes is one quote (RFC 4180). Cells spanning several lines are not supported.
/// </summary>
internal static class CsvCells
{
    public static string[] Split(string line, string path, int lineNumber)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else if (c == '"' && string.IsNullOrWhiteSpace(cell.ToString()))
            {
                inQuotes = true;
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new DataLoadException(path, lineNumber, "a quoted cell is not closed on this line (cells cannot span lines)");
        }

        cells.Add(cell.ToString().Trim());
        return [.. cells];
    }
}
