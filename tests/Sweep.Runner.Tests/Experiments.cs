using System.Globalization;

namespace Sweep.Runner.Tests;

/// <summary>Experiment files for the tests, each small enough to name what it is for.</summary>
internal static class Experiments
{
    /// <summary>y = 3x at the given learning rates: 0.001 and 0.01 complete, 1 diverges.</summary>
    public static string Linear(string name = "y3x", string rates = "0.001, 0.01, 1", int epochs = 200) => $$"""
        name: {{name}}
        data:
          inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
        model:
          layers: [{units: 1}]
          init: zeros
        training: {epochs: {{epochs}}, batch: full}
        search:
          parameters:
            training.learning_rate: [{{rates}}]
        """;

    /// <summary>
    /// Two trials of a program that prints one epoch: with units 3 it completes, with units 2 it fails, exiting
    /// 3 with a message on stderr (a trial's failure that no check of the file can foresee).
    /// </summary>
    public static string Failing(SweepFolder folder) => folder.Write("failing.yaml", """
        name: failing
        trainer:
          command: [sh, -c, 'if [ "$0" = 2 ]; then echo "2 outputs do not fit 3 classes" >&2; exit 3; fi; echo "{\"epoch\": 1, \"train_loss\": 0.5}"', "{params.units}"]
        training: {epochs: 20}
        params:
          units: 3
        search:
          parameters:
            params.units: [3, 2]
        """);

    /// <summary>Spirals learnt by a small MLP with Adam: each trial takes a few hundred milliseconds per 1000 epochs.</summary>
    public static string Spiral(string name, int trials, int epochs)
    {
        var rates = string.Join(", ", Enumerable.Range(1, trials).Select(i => (0.001 * i).ToString("R", CultureInfo.InvariantCulture)));
        return $$"""
            name: {{name}}
            seed: 1
            data:
              synthetic: {kind: spiral, n: 600, classes: 3, noise: 0.5}
              validation: 0.25
            model:
              layers:
                - {units: 16, activation: tanh}
                - {units: 3, activation: softmax}
              init: xavier
            training:
              epochs: {{epochs}}
              loss: cce
              optimizer: adam
              batch: 32
              early_stop: {divergence: null}
            search:
              parameters:
                training.learning_rate: [{{rates}}]
            """;
    }

    /// <summary>
    /// A coarse-to-fine search of y = 3x's learning rate from 0.01 (SGD, full batch): 1 diverges, 0.1 is
    /// best among the decades, and the fine stages narrow in below the divergence bound near 0.12.
    /// </summary>
    public static string LinearCoarseToFine(string name = "y3x-c2f", int epochs = 100, int budget = 40, string target = "training.learning_rate", string start = "") => $$"""
        name: {{name}}
        data:
          inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
        model:
          layers: [{units: 1}]
          init: zeros
        training: {epochs: {{epochs}}, batch: full, learning_rate: 0.01}
        search:
          strategy: coarse-to-fine
          target: {{target}}
          max: 1
          budget: {{budget}}{{(start.Length > 0 ? $"\n  start: {start}" : "")}}
        """;

    /// <summary>A learning-rate range test of y = 3x (SGD, full batch) from 1e-5 to 1: it diverges past 2/16.7 = 0.12.</summary>
    public static string LinearRangeTest(string name = "find", int steps = 100) => $$"""
        name: {{name}}
        data:
          inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
        model:
          layers: [{units: 1}]
          init: zeros
        training: {epochs: 1, batch: full}
        search:
          strategy: lr-range-test
          min: 1e-5
          max: 1
          steps: {{steps}}
        """;
}
