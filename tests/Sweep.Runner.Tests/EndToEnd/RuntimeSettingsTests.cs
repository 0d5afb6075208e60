using System.Text.Json;

namespace Sweep.Runner.Tests.EndToEnd;

public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_sweep_executable_compiles_every_method_fully_optimized_at_its_first_call()
    {
        var settings = Path.ChangeExtension(SweepProcess.Executable, ".runtimeconfig.json");

        using var config = JsonDocument.Parse(File.ReadAllText(settings));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean());
    }
}
