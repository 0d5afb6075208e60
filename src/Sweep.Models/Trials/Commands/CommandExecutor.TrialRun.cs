using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Stopping;

namespace Sweep.Models.Trials.Commands;

public sealed partial class CommandExecutor
{
    /// <summary>The stderr lines a failed trial's error ends with.</summary>
    private const int StderrTail = 20;

    /// <summary>Bytes read from a pipe at a time: a program printing many lines fast is read in few calls.</summary>
    private const int PipeBuffer = 16 * 1024;

    /// <summary>
    /// One run of the program. Two threads read stdout and stderr line by line into one queue, so neither
    /// pipe can fill up and block the program; this thread alone parses, writes the logs and judges epochs.
    /// </summary>
    private sealed class TrialRun : IDisposable
    {
        private readonly TrialPlan trial;
        private readonly TrialCommand command;
        private readonly TrainerDefinition trainer;
        private readonly Action<EpochRecord>? onEpoch;
        private readonly BlockingCollection<OutputLine> lines = new(new ConcurrentQueue<OutputLine>());
        private readonly Queue<string> stderrTail = new(StderrTail);
        private readonly MetricReader metrics;
        private readonly EarlyStopPolicy policy;
        private readonly StreamWriter stdoutLog;
        private readonly StreamWriter stderrLog;
        private readonly MetricsFileTail metricsFile;
        private readonly long started = Stopwatch.GetTimestamp();
        private long lastOutput;
        private long lastEpoch;
        private TrialProgram? program;
        private int openStreams = 2;
        private bool closed;

        public TrialRun(TrialPlan trial, TrialCommand command, TrainerDefinition trainer, Action<EpochRecord>? onEpoch)
        {
            (this.trial, this.command, this.trainer, this.onEpoch) = (trial, command, trainer, onEpoch);
            metrics = MetricReader.For(trainer.Metrics);
            policy = new EarlyStopPolicy(trial.Configuration.Training.EarlyStop);
            stdoutLog = new StreamWriter(Path.Combine(command.TrialDirectory, "stdout.log"), append: false);
            stderrLog = new StreamWriter(Path.Combine(command.TrialDirectory, "stderr.log"), append: false);
            metricsFile = new MetricsFileTail(command.MetricsFile);
            lastOutput = lastEpoch = started;
        }

        public List<EpochRecord> Epochs { get; } = [];

        public Outcome Execute(CancellationToken cancellationToken)
        {
            var guard = OrphanGuard.Instance;
            program = TrialProgram.Start(command, out var problem);
            if (program is null)
            {
                return new Outcome(TrialStatus.Failed, problem);
            }

            // First thing after the start: the shorter this window, the less a kill -9 of sweep can leave behind.
            guard?.Watch(program.Id, trainer.KillGrace);
            Read(program.StandardOutput, isError: false);
            Read(program.StandardError, isError: true);
            using var wake = cancellationToken.Register(Wake);
            try
            {
                var stop = Watch(cancellationToken);
                if (stop is not null)
                {
                    // Epochs printed after the verdict are past the stop; the rest of the output is still logged.
                    closed = true;
                    program.Stop(trainer.KillGrace);
                    Drain();
                    return stop.Value;
                }

                // The program is gone; what it started must not outlive it, nor hold its pipes open.
                program.Stop(trainer.KillGrace);
                Drain();
                return Ended(program.ExitCode);
            }
            finally
            {
                guard?.Forget(program.Id);
            }
        }

        public void Dispose()
        {
            stdoutLog.Dispose();
            stderrLog.Dispose();
            metricsFile.Dispose();
            program?.Dispose();
            lines.Dispose();
        }

        private void Wake()
        {
            try
            {
                lines.Add(new OutputLine(OutputSource.Wake, null));
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // The run is over; nothing waits to be woken.
            }
        }

        /// <summary>Reads <paramref name="pipe"/> to its end on a thread of its own, which then closes it.</summary>
        private void Read(Stream pipe, bool isError)
        {
            var source = isError ? OutputSource.Stderr : OutputSource.Stdout;
            var reader = new Thread(() =>
            {
                using var stream = new StreamReader(pipe, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, PipeBuffer);
                try
                {
                    while (stream.ReadLine() is { } line)
                    {
                        lines.Add(new OutputLine(source, line));
                    }
                }
                catch (ObjectDisposedException)
                {
                    // The run is over: what a process outside the group still writes goes nowhere.
                }

                try
                {
                    lines.Add(new OutputLine(source, null));
                }
                catch (InvalidOperationException)
                {
                    // The run is over and its queue closed.
                }
            })
            {
                IsBackground = true,
                Name = isError ? "trial stderr" : "trial stdout",
            };
            reader.Start();
        }

        /// <summary>Follows the program until it exits (null) or must be stopped (the outcome to record).</summary>
        private Outcome? Watch(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (openStreams == 0 && lines.Count == 0)
                {
                    // Both pipes are closed: the program is ending, so wait on its exit rather than a quiet pipe.
                    program!.WaitForExit(Tick);
                }
                else if (lines.TryTake(out var line, Tick))
                {
                    if (Take(line) is { } stop)
                    {
                        return stop;
                    }

                    // Keep the pipes flowing: handle everything queued before looking at the clocks.
                    if (lines.Count > 0)
                    {
                        continue;
                    }
                }

                stdoutLog.Flush();
                stderrLog.Flush();
                if (FromMetricsFile() is { } fileStop)
                {
                    return fileStop;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return new Outcome(TrialStatus.Interrupted, null);
                }

                var now = Stopwatch.GetTimestamp();
                if (trainer.Timeout is { } timeout && Stopwatch.GetElapsedTime(started, now) > timeout)
                {
                    return Failed($"timed out after {DurationText.Words(timeout)}");
                }

                if (trainer.IdleTimeout is { } idle && Stopwatch.GetElapsedTime(lastOutput, now) > idle)
                {
                    return Failed($"no output for {DurationText.Words(idle)}");
                }

                if (program!.HasExited)
                {
                    // Output still in the pipes, or held open by a process the program left behind, is the drain's.
                    return null;
                }
            }
        }

        /// <summary>Output still queued after the group is gone: logged and read for metrics, without judging further epochs.</summary>
        private void Drain()
        {
            var limit = Stopwatch.StartNew();
            while (openStreams > 0 && limit.Elapsed < DrainLimit)
            {
                if (lines.TryTake(out var line, Tick))
                {
                    Take(line, judge: false);
                }
            }

            while (lines.TryTake(out var left))
            {
                Take(left, judge: false);
            }

            FromMetricsFile(judge: false);
            if (metrics.Finish() is { } last)
            {
                Record(last, judge: false);
            }

            stdoutLog.Flush();
            stderrLog.Flush();
        }

        private Outcome? Take(OutputLine line, bool judge = true)
        {
            if (line.Text is null)
            {
                if (line.Source != OutputSource.Wake)
                {
                    openStreams--;
                }

                return null;
            }

            lastOutput = Stopwatch.GetTimestamp();
            if (line.Source == OutputSource.Stderr)
            {
                stderrLog.WriteLine(line.Text);
                if (stderrTail.Count == StderrTail)
                {
                    stderrTail.Dequeue();
                }

                stderrTail.Enqueue(line.Text);
                return null;
            }

            stdoutLog.WriteLine(line.Text);
            return metrics.Read(line.Text) is { } epoch ? Record(epoch, judge) : null;
        }

        private Outcome? FromMetricsFile(bool judge = true)
        {
            foreach (var text in metricsFile.NewLines())
            {
                lastOutput = Stopwatch.GetTimestamp();
                if (metrics.Read(text) is { } epoch && Record(epoch, judge) is { } stop)
                {
                    return stop;
                }
            }

            return null;
        }

        private Outcome? Record(ReportedEpoch reported, bool judge)
        {
            if (closed)
            {
                return null;
            }

            var now = Stopwatch.GetTimestamp();
            var epoch = new EpochRecord(
                reported.Epoch,
                reported.TrainLoss,
                reported.ValidationLoss,
                reported.Accuracy,
                reported.LearningRate ?? trial.Configuration.Training.LearningRate,
                reported.WeightNorm ?? double.NaN,
                reported.GradientNorm ?? double.NaN,
                reported.Seconds ?? Stopwatch.GetElapsedTime(lastEpoch, now).TotalSeconds)
            {
                Extra = reported.Extra.IsEmpty ? null : reported.Extra,
            };
            lastEpoch = now;
            Epochs.Add(epoch);
            onEpoch?.Invoke(epoch);
            if (!judge)
            {
                return null;
            }

            return policy.Judge(epoch) switch
            {
                EpochVerdict.Diverged => new Outcome(TrialStatus.Diverged, null),
                EpochVerdict.PatienceRanOut => new Outcome(TrialStatus.Completed, null),
                _ => null,
            };
        }

        private Outcome Ended(int exitCode)
        {
            if (exitCode != 0)
            {
                var last = stderrTail.Count > 0 ? stderrTail.Last() : "(nothing on stderr)";
                return Failed($"exited with {exitCode}: {last}");
            }

            if (Epochs.Count == 0)
            {
                return Failed($"reported no epoch: {metrics.Example}, on stdout or appended to $SWEEP_METRICS_FILE");
            }

            // The divergence rule holds over the whole run even when the program finished it.
            var judge = new EarlyStopPolicy(trial.Configuration.Training.EarlyStop);
            return Epochs.Any(e => judge.Judge(e) == EpochVerdict.Diverged)
                ? new Outcome(TrialStatus.Diverged, null)
                : new Outcome(TrialStatus.Completed, null);
        }

        /// <summary>A failure whose text ends with the last lines of stderr, where programs say what went wrong.</summary>
        private Outcome Failed(string reason) =>
            new(TrialStatus.Failed, stderrTail.Count == 0 ? reason
                : $"{reason}\nlast lines of stderr ({Path.Combine(command.TrialDirectory, "stderr.log")}):\n{string.Join('\n', stderrTail)}");
    }
}
