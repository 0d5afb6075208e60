namespace Sweep.Runner;

/// <summary>The exit codes, which CI jobs rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run finished but some trials threw.</summary>
    public const int TrialsFailed = 1;

    /// <summary>A bug in Sweep: an error nothing expected. Shares 1 with <see cref="TrialsFailed"/>, as most tools do.</summary>
    public const int UnexpectedError = 1;

    /// <summary>Bad YAML, a bad option or a missing file.</summary>
    public const int InvalidInput = 2;

    public const int StoreError = 3;

    /// <summary>`sweep compare --max-regression`: the chosen configuration's loss got worse by more than allowed. Nothing else exits 4, so a CI job can tell this gate from an error.</summary>
    public const int Regression = 4;

    /// <summary>Ctrl+C or SIGTERM, after a clean stop.</summary>
    public const int Interrupted = 130;
}
