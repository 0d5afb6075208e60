namespace Sweep.Reports.Exporters;

/// <summary>
/// A file written to a temporary beside it and moved into place, so a failed write never leaves half a report
/// behind. The temporaries being written are known, so a process about to end at once (a second Ctrl+C) can
/// delete them first with <see cref="Abandon"/>: no report folder is left with a <c>.tmp</c> file in it.
/// </summary>
public static class WholeFile
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> Open = new(StringComparer.Ordinal);
    private static bool abandoned;

    /// <summary>Calls <paramref name="write"/> with the temporary's stream, then moves the temporary to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temporary = path + ".tmp";
        try
        {
            using (var stream = Create(temporary))
            {
                write(stream);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            lock (Gate)
            {
                File.Delete(temporary);
                Open.Remove(temporary);
            }
        }
    }

    /// <summary>
    /// Deletes every temporary being written and refuses new ones, for a process that ends the next moment;
    /// the reports already moved into place stay.
    /// </summary>
    public static void Abandon()
    {
        lock (Gate)
        {
            abandoned = true;
            foreach (var temporary in Open)
            {
                File.Delete(temporary);
            }
        }
    }

    // Created under the lock, so a temporary is either known to Abandon or never created.
    private static FileStream Create(string temporary)
    {
        lock (Gate)
        {
            if (abandoned)
            {
                throw new OperationCanceledException("The process is ending: no report is written any more.");
            }
            Open.Add(temporary);
            return new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
    }
}
