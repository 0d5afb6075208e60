using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Trials.Commands;

namespace Sweep.Models.Tests.Trials.Commands;

public sealed class TrialCommandTests
{
    private const string Searched = """
        name: t
        seed: 7
        trainer:
          command: [python3, train.py, "{args}", --epochs, "{training.epochs}", --batch, "{training.batch}", --out, "{trial_dir}", "--tag={params.arch}-{seed}"]
        training: {epochs: 20, learning_rate: 0.001, batch: 256}
        params: {dropout: 0.1, arch: small}
        search:
          parameters:
            training.learning_rate: {log: {min: 1e-5, max: 1e-4, per_decade: 1}}
            training.weight_decay.l2: {values: [0.0001]}
            params.dropout: {values: [0.25]}
        """;

    [Fact]
    public void Args_expands_to_one_argument_per_searched_parameter_with_shortest_round_trip_numbers()
    {
        var trial = Plan(Searched)[0];

        var command = TrialCommand.For(trial, "/tmp/out/trials/x");

        Assert.Equal("python3", command.FileName);
        Assert.Equal(
            ["train.py", "--learning_rate=1e-05", "--weight_decay.l2=0.0001", "--dropout=0.25", "--epochs", "20", "--batch", "256", "--out", "/tmp/out/trials/x", "--tag=small-7"],
            command.Arguments.ToArray());
    }

    [Fact]
    public void A_command_line_runs_through_sh_with_placeholders_quoted_for_the_shell()
    {
        var trial = Plan("""
            name: t
            trainer:
              command: >-
                python3 train.py {args} > "$SWEEP_TRIAL_DIR/own.log" && echo ${HOME} '{"a": 1}'
            training: {epochs: 2, learning_rate: 0.5}
            params: {arch: "two words"}
            search:
              parameters:
                params.arch: {values: ["two words"]}
            """)[0];

        var command = TrialCommand.For(trial, "/tmp/t");

        Assert.Equal("/bin/sh", command.FileName);
        Assert.Equal(["-c", "python3 train.py '--arch=two words' > \"$SWEEP_TRIAL_DIR/own.log\" && echo ${HOME} '{\"a\": 1}'"], command.Arguments.ToArray());
    }

    [Fact]
    public void The_display_line_is_what_a_shell_would_run_and_the_environment_carries_the_trial()
    {
        var trial = Plan(Searched)[1];

        var command = TrialCommand.For(trial, "/tmp/o/trials/y");

        Assert.StartsWith("python3 train.py --learning_rate=0.0001 ", command.Display, StringComparison.Ordinal);
        Assert.Equal(trial.Id, command.Environment["SWEEP_TRIAL_ID"]);
        Assert.Equal("/tmp/o/trials/y/metrics.log", command.Environment["SWEEP_METRICS_FILE"]);
        Assert.Equal("1", command.Environment["PYTHONUNBUFFERED"]);
        Assert.Contains("\"learning_rate\":0.0001", command.Environment["SWEEP_PARAMS"], StringComparison.Ordinal);
        Assert.Contains("\"dropout\":0.25", command.Environment["SWEEP_PARAMS"], StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_command_env_or_metrics_format_makes_new_trials_but_a_timeout_does_not()
    {
        var id = Plan(Searched)[0].Id;

        Assert.NotEqual(id, Plan(Searched.Replace("--epochs", "--n-epochs", StringComparison.Ordinal))[0].Id);
        Assert.NotEqual(id, Plan(Searched.Replace("  command:", "  env: {A: b}\n  command:", StringComparison.Ordinal))[0].Id);
        Assert.NotEqual(id, Plan(Searched.Replace("  command:", "  metrics: keyvalue\n  command:", StringComparison.Ordinal))[0].Id);
        Assert.Equal(id, Plan(Searched.Replace("  command:", "  timeout: 2h\n  command:", StringComparison.Ordinal))[0].Id);
    }

    private static List<TrialPlan> Plan(string yaml)
    {
        var loaded = ExperimentLoader.Parse(yaml, "t.yaml", Path.GetTempPath());
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return [.. TrialPlanner.Plan(loaded.Experiment!).Trials];
    }
}
