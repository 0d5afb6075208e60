using System.Runtime.InteropServices;
using Sweep.Reports.Exporters;

namespace Sweep.Runner;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a cancellation token. The first signal asks for a clean stop: no new
/// trial starts, running ones stop at their next epoch and are recorded as interrupted; once every trial has
/// ended, the reports being written are finished. A second signal is left to the runtime, which ends the
/// process at once (the store stays whole), after the report files being written are deleted: a folder
/// keeps whole reports only.
/// </summary>
/// <remarks>
/// System.CommandLine's own handling cancels too, but after its ProcessTerminationTimeout (2 s) it returns
/// 130 or 143 whether or not the action has finished writing the store; Sweep needs the clean stop to
/// finish and one exit code (130) for both signals, so the CLI turns that handling off and uses this.
/// </remarks>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;

    public StopSignals()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (source.IsCancellationRequested)
        {
            WholeFile.Abandon();
            return;
        }

        context.Cancel = true;
        source.Cancel();
    }
}
