namespace Sweep.Runner.Tests;

/// <summary>Paths into the checkout, found from the test binary's folder, so tests use the real experiments/.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Experiment(string name) => Path.Combine(Root, "experiments", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sweep.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Sweep.sln not found above " + AppContext.BaseDirectory);
    }
}
