namespace Sweep.Runner.Tests;

/// <summary>One in-process run of the `sweep` command line, with what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SweepCli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
