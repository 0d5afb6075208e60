namespace Sweep.Reports.Tests;

/// <summary>A fresh directory for one test's report files, deleted with everything in it afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sweep-reports-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
