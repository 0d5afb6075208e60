using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Experiments;

/// <summary>Mistakes in a trainer experiment, each reported at its line and column with what to do.</summary>
public sealed class TrainerValidationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sweep-trainer-validation-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData(
        "an unknown placeholder",
        """
        name: t
        trainer:
          command: [python3, train.py, "--lr={training.learning_rat}"]
        training: {epochs: 3}
        """,
        "3:38: unknown placeholder {training.learning_rat}")]
    [InlineData(
        "an unknown placeholder in the environment",
        """
        name: t
        trainer:
          command: python3 train.py
          env: {RUN: "{params.size}"}
        training: {epochs: 3}
        """,
        "4:15: unknown placeholder {params.size}")]
    [InlineData(
        "data beside trainer",
        """
        name: t
        trainer: {command: [python3, train.py]}
        data: {synthetic: {kind: linear, n: 10}}
        training: {epochs: 3}
        """,
        "3:1: data is not allowed beside trainer: the program owns its data and model")]
    [InlineData(
        "model beside trainer",
        """
        name: t
        trainer: {command: [python3, train.py]}
        model: {layers: [{units: 1}]}
        training: {epochs: 3}
        """,
        "3:1: model is not allowed beside trainer")]
    [InlineData(
        "an empty command list",
        """
        name: t
        trainer: {command: []}
        training: {epochs: 3}
        """,
        "2:20: trainer.command is empty")]
    [InlineData(
        "an empty command line",
        """
        name: t
        trainer: {command: "  "}
        training: {epochs: 3}
        """,
        "2:20: trainer.command is empty")]
    [InlineData(
        "a missing cwd",
        """
        name: t
        trainer: {command: [python3, train.py], cwd: no-such-folder}
        training: {epochs: 3}
        """,
        "2:46: trainer.cwd 'no-such-folder' is not a folder")]
    [InlineData(
        "a searched key that is neither training nor params",
        """
        name: t
        trainer: {command: [python3, train.py]}
        training: {epochs: 3}
        search:
          parameters:
            model.layers.0.units: {values: [8, 16]}
        """,
        "6:5: search parameter 'model.layers.0.units' is neither a training.* nor a params.* key")]
    [InlineData(
        "a searched params key the params block lacks",
        """
        name: t
        trainer: {command: [python3, train.py]}
        training: {epochs: 3}
        params: {dropout: 0.1}
        search:
          parameters:
            params.dropuot: {values: [0.1, 0.2]}
        """,
        "7:5: search parameter 'params.dropuot' names no key of params")]
    [InlineData(
        "the range test with a trainer",
        """
        name: t
        trainer: {command: [python3, train.py]}
        training: {epochs: 3}
        search: {strategy: lr-range-test}
        """,
        "4:20: strategy lr-range-test needs the built-in engine")]
    [InlineData(
        "a bad duration",
        """
        name: t
        trainer: {command: [python3, train.py], timeout: soon}
        training: {epochs: 3}
        """,
        "2:50: trainer.timeout must be a duration such as 90s, 10m, 2h or 1h30m")]
    [InlineData(
        "an unknown trainer key",
        """
        name: t
        trainer: {command: [python3, train.py], metric: json}
        training: {epochs: 3}
        """,
        "2:41: unknown key 'metric' in trainer; did you mean 'metrics'?")]
    public void A_trainer_mistake_is_reported_where_it_is_written(string what, string yaml, string expected)
    {
        var result = ExperimentLoader.Parse(yaml, "exp.yaml", directory);

        Assert.False(result.IsValid, what);
        Assert.StartsWith($"exp.yaml:{expected}", result.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trainer_experiment_needs_no_data_or_model_and_searches_training_and_params_keys()
    {
        const string yaml = """
            name: t
            trainer:
              command: [python3, train.py, "{args}", --out, "{trial_dir}"]
              timeout: 1h30m
              idle_timeout: 90s
              kill_grace: 500ms
              metrics: keyvalue
            training: {epochs: 3, learning_rate: 0.001}
            params: {dropout: 0.1, arch: small, tied: true, label: "42"}
            search:
              parameters:
                training.learning_rate: {values: [0.001, 0.01]}
                params.arch: {values: [small, large]}
            """;

        var result = ExperimentLoader.Parse(yaml, "exp.yaml", directory);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var definition = result.Experiment!.Definition;
        Assert.Null(definition.Data);
        Assert.Null(definition.Model);
        var trainer = definition.Trainer!;
        Assert.Equal(["python3", "train.py", "{args}", "--out", "{trial_dir}"], trainer.Command.ToArray());
        Assert.False(trainer.Shell);
        Assert.Equal(MetricsFormat.KeyValue, trainer.Metrics);
        Assert.Equal(TimeSpan.FromMinutes(90), trainer.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(90), trainer.IdleTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), trainer.KillGrace);
        Assert.Equal(new ProgramParameter("0.1", 0.1, null), definition.Params["dropout"]);
        Assert.Equal(new ProgramParameter("true", null, true), definition.Params["tied"]);
        Assert.Equal(new ProgramParameter("42", null, null), definition.Params["label"]);
    }
}
