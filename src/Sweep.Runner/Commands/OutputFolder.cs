namespace Sweep.Runner.Commands;

/// <summary>
/// The folders a command writes into (--out), made ready before anything is written: a path that cannot hold
/// files is one sentence naming it and why, and nothing is half-written.
/// </summary>
internal static class OutputFolder
{
    /// <summary>Creates each folder and checks that it takes files; false after the first problem was written to <paramref name="error"/>.</summary>
    public static bool Prepare(IEnumerable<string> folders, TextWriter error)
    {
        foreach (var folder in folders)
        {
            if (Problem(folder) is { } problem)
            {
                CliError.Write(error, $"the output folder '{folder}' cannot be used: {problem}; pass another --out.");
                return false;
            }
        }

        return true;
    }

    private static string? Problem(string folder)
    {
        if (FileInTheWay(folder) is { } file)
        {
            return $"'{file}' is a file, not a folder";
        }

        try
        {
            Directory.CreateDirectory(folder);

            // A folder can exist and still refuse files (no permission, a read-only mount); a probe finds out before any report would.
            using (File.Create(Path.Combine(folder, $".sweep-write-check-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    /// <summary>The path itself, or the nearest one above it, that exists as a file where a folder is needed; null when none does.</summary>
    private static string? FileInTheWay(string folder)
    {
        for (var path = Path.GetFullPath(folder); path is not null; path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
