namespace Sweep.Runner.Tests;

/// <summary>The command Sweep's hints tell the user to type, for each way of starting it.</summary>
public sealed class SweepInvocationTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_build_from_a_checkout_is_dotnet_run_with_the_project_as_the_user_would_type_it_from_where_they_are()
    {
        var project = Directory.CreateDirectory(Path.Combine(folder.Root, "src", "Sweep.Runner")).FullName;
        File.WriteAllText(Path.Combine(project, "Sweep.Runner.csproj"), "<Project />");
        var assembly = Path.Combine(project, "bin", "Debug", "net10.0", "sweep.dll");

        Assert.Equal("dotnet run --project src/Sweep.Runner --", SweepInvocation.Of(Path.ChangeExtension(assembly, null), assembly, folder.Root, "/usr/bin"));
        Assert.Equal("dotnet run --project src/Sweep.Runner --", SweepInvocation.Of("/usr/bin/dotnet", assembly, folder.Root, "/usr/bin"));
        Assert.Equal($"dotnet run --project {project} --", SweepInvocation.Of("/usr/bin/dotnet", assembly, Path.Combine(folder.Root, "elsewhere"), "/usr/bin"));
    }

    [Fact]
    public void An_installed_tool_on_the_path_is_sweep_and_one_off_the_path_its_full_path()
    {
        var assembly = Path.Combine(folder.Root, "tools", ".store", "sweep", "0.1.0", "sweep", "0.1.0", "tools", "net10.0", "any", "sweep.dll");
        var shim = Path.Combine(folder.Root, "tools", "sweep");

        Assert.Equal("sweep", SweepInvocation.Of(shim, assembly, "/tmp", $"/usr/bin:{Path.Combine(folder.Root, "tools")}/"));
        Assert.Equal(shim, SweepInvocation.Of(shim, assembly, "/tmp", "/usr/bin"));
    }

    [Fact]
    public void A_platform_specific_tool_linked_from_a_folder_on_the_path_is_sweep()
    {
        var executable = Path.Combine(folder.Root, "tools", ".store", "sweep", "0.1.0", "sweep.linux-x64", "0.1.0", "tools", "any", "linux-x64", "sweep");
        Directory.CreateDirectory(Path.GetDirectoryName(executable)!);
        File.WriteAllText(executable, "");
        File.CreateSymbolicLink(Path.Combine(folder.Root, "tools", "sweep"), Path.GetRelativePath(Path.Combine(folder.Root, "tools"), executable));
        var assembly = executable + ".dll";

        Assert.Equal("sweep", SweepInvocation.Of(executable, assembly, "/tmp", $"/usr/bin:{Path.Combine(folder.Root, "tools")}"));
        Assert.Equal(executable, SweepInvocation.Of(executable, assembly, "/tmp", "/usr/bin"));
    }

    [Fact]
    public void A_dll_started_by_dotnet_outside_a_checkout_is_dotnet_and_the_dll()
    {
        var assembly = Path.Combine(folder.Root, "publish", "sweep.dll");

        Assert.Equal("dotnet publish/sweep.dll", SweepInvocation.Of("/usr/share/dotnet/dotnet", assembly, folder.Root, "/usr/bin"));
    }

    [Fact]
    public void The_run_hint_uses_the_same_rule()
    {
        var run = folder.Run(folder.Write("y3x.yaml", Experiments.Linear()), "--quiet");

        Assert.Contains($"; see them with: {SweepInvocation.Prefix} show y3x --db {folder.DbPath}\n", run.Output, StringComparison.Ordinal);
    }
}
