namespace Sweep.Models.Trials.Commands;

/// <summary>
/// Follows the file a program may append metric lines to (<c>SWEEP_METRICS_FILE</c>): each call returns the
/// lines completed since the last one; a line still being written waits for its newline.
/// </summary>
internal sealed class MetricsFileTail(string path) : IDisposable
{
    private readonly char[] buffer = new char[8192];
    private readonly System.Text.StringBuilder partial = new();
    private StreamReader? reader;

    public IEnumerable<string> NewLines()
    {
        if (reader is null)
        {
            if (!File.Exists(path))
            {
                return [];
            }

            reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        }

        List<string>? lines = null;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    (lines ??= []).Add(partial.ToString().TrimEnd('\r'));
                    partial.Clear();
                }
                else
                {
                    partial.Append(buffer[i]);
                }
            }
        }

        return lines ?? (IEnumerable<string>)[];
    }

    public void Dispose() => reader?.Dispose();
}
