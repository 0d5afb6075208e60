namespace Sweep.Reports.Exporters;

/// <summary>A file written to a temporary beside it and moved into place, so a failed write never leaves half a report behind.</summary>
internal static class WholeFile
{
    /// <summary>Calls <paramref name="write"/> with the temporary's path, then moves it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        var temporary = path + ".tmp";
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
