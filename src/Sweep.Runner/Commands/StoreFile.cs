using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>Opens the store for a command that only reads it: a missing file is reported, not created empty (a server is simply connected to).</summary>
internal static class StoreFile
{
    public static IResultStore? OpenExisting(string path, TextWriter error)
    {
        if (!ResultStores.IsServer(path) && !File.Exists(path))
        {
            CliError.Write(error, $"there is no store at '{path}'; run 'sweep run EXPERIMENT.yaml --db {path}' first, or pass the --db path of an existing store.");
            return null;
        }

        return ResultStores.Open(path);
    }

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string Number(double? value) =>
        value?.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
