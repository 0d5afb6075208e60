using System.Diagnostics;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Tests.Data;
using Sweep.Models.Training;
using Sweep.Models.Trials.Commands;

namespace Sweep.Models.Tests.Trials.Commands;

/// <summary>
/// A folder holding a training program (a shell script) and an experiment that runs it; runs its single
/// trial through a <see cref="CommandExecutor"/> and says what it left behind.
/// </summary>
internal sealed class ProgramFolder : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public string Path => folder.Path;

    public string OutPath => System.IO.Path.Combine(folder.Path, "out");

    /// <summary>
    /// An experiment whose trainer runs <paramref name="script"/>, saved as train.sh, with sh unless
    /// <paramref name="command"/> says otherwise; <paramref name="trainer"/> adds trainer keys.
    /// </summary>
    public TrialPlan Trial(string script, string trainer = "", string training = "", string parameters = "", string command = "[sh, train.sh]")
    {
        folder.Write("train.sh", script);
        var yaml = $$"""
            name: program
            seed: 3
            trainer:
              command: {{command}}
              kill_grace: 1s
              {{Indent(trainer)}}
            training:
              epochs: 5
              learning_rate: 0.01
              {{Indent(training)}}
            {{parameters}}
            """;
        var loaded = ExperimentLoader.Parse(yaml, "program.yaml", folder.Path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return TrialPlanner.Plan(loaded.Experiment!).Trials[0];
    }

    public (TrialResult Result, TimeSpan Took) Run(TrialPlan trial, Action<EpochRecord>? onEpoch = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var result = new CommandExecutor(System.IO.Path.Combine(OutPath, "trials")).Run(trial, new ThreadBudget(), onEpoch, cancellationToken);
        return (result, clock.Elapsed);
    }

    public string TrialFile(TrialPlan trial, string name) => System.IO.Path.Combine(OutPath, "trials", trial.Id, name);

    public string Read(string name) => File.ReadAllText(System.IO.Path.Combine(folder.Path, name));

    public void Dispose() => folder.Dispose();

    private static string Indent(string keys) => string.Join("\n  ", keys.Split('\n'));
}
