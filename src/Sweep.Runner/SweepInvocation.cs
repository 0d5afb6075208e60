namespace Sweep.Runner;

/// <summary>
/// How the user who started this process types a sweep command, for the hints Sweep prints ("see them with: ...").
/// One rule: built from a checkout (the assembly sits in the Runner project's bin folder) it is `dotnet run
/// --project PATH --`, the way the README starts it; started as `dotnet sweep.dll` it is that; otherwise the
/// executable itself, as `sweep` when it is on PATH (an installed .NET tool: its folder, or a link to it in a
/// folder, as the tool path links the platform-specific build) or by its full path when not.
/// </summary>
internal static class SweepInvocation
{
    private const string ProjectFile = "Sweep.Runner.csproj";

    /// <summary>What this process's user types before a command's name and arguments.</summary>
    public static string Prefix { get; } = Of(
        Environment.ProcessPath ?? "sweep",
        typeof(SweepInvocation).Assembly.Location,
        Environment.CurrentDirectory,
        Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The full command: <see cref="Prefix"/> followed by <paramref name="arguments"/>.</summary>
    public static string Command(string arguments) => $"{Prefix} {arguments}";

    public static string Of(string processPath, string assemblyPath, string currentDirectory, string? pathVariable)
    {
        // bin/<configuration>/<framework>/sweep.dll under the project: a build from a checkout, started by `dotnet run`.
        var assemblyFolder = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        if (Directory.GetParent(assemblyFolder)?.Parent is { Name: "bin", Parent: { } project }
            && File.Exists(Path.Combine(project.FullName, ProjectFile)))
        {
            return $"dotnet run --project {Quote(Relative(currentDirectory, project.FullName))} --";
        }

        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return $"dotnet {Quote(Relative(currentDirectory, assemblyPath))}";
        }

        var folder = Path.GetDirectoryName(processPath);
        var onPath = (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(entry => string.Equals(Path.TrimEndingDirectorySeparator(entry), folder, StringComparison.Ordinal)
                || LinksTo(Path.Combine(entry, Path.GetFileName(processPath)), processPath));
        return onPath ? Path.GetFileNameWithoutExtension(processPath) : Quote(processPath);
    }

    private static bool LinksTo(string link, string target)
    {
        try
        {
            return new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true) is { } resolved
                && string.Equals(resolved.FullName, Path.GetFullPath(target), StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A path below the working directory as a relative one (what the user would type there), any other in full.</summary>
    private static string Relative(string from, string to)
    {
        var relative = Path.GetRelativePath(from, to);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(to) : relative;
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"'{path}'" : path;
}
