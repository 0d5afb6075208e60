namespace Sweep.Runner.Tests;

/// <summary>One in-process run of the `sweep` command line, with what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args) => Of(args, CancellationToken.None);

    /// <param name="stop">Stands for Ctrl+C: what Program.cs passes from <see cref="StopSignals"/>.</param>
    public static CliRun Of(string[] args, CancellationToken stop)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SweepCli.Run(args, output, error, stop);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Output and error together, for asserting what was never printed anywhere.</summary>
    public string All => Output + Error;
}
