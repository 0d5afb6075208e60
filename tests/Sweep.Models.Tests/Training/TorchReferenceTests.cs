using System.Globalization;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Tests.Training.Reference;
using Sweep.Models.Training;
using Xunit.Abstractions;

namespace Sweep.Models.Tests.Training;

/// <summary>
/// Our engine against PyTorch (Reference/make_reference.py, which says how to regenerate the JSON): the same
/// networks from the same starting weights on the same data in file order, for five epochs. A value matches
/// when it is within 1e-5 of PyTorch's relative to PyTorch's value, or within 1e-6 absolute for values below
/// 0.1 in magnitude, where float32 rounding of sums that cancel is no longer small relative to the value.
/// The reported difference is |ours − torch| / max(|torch|, 0.1), so a case passes when it is at most 1e-5.
/// </summary>
public class TorchReferenceTests(ITestOutputHelper output)
{
    private const double Relative = 1e-5;
    private const double Absolute = 1e-6;

    /// <summary>6 optimizers × 3 batch modes, 3 penalties × 4 optimizers, 3 hidden × 10 output pairings, 5 deep nets.</summary>
    private const int ExpectedCases = 65;

    public static TheoryData<string> CaseNames => [.. TorchReference.File.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_epoch_loss_matches_pytorch(string name)
    {
        var reference = TorchReference.File.Case(name);

        var (_, result) = Train(reference, reference.ToTraining());

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(reference.Losses.Length, result.Epochs.Length);
        var comparison = new Comparison();
        for (var epoch = 0; epoch < reference.Losses.Length; epoch++)
        {
            comparison.Add($"epoch {epoch + 1} loss", reference.Losses[epoch], result.Epochs[epoch].TrainLoss);
        }

        comparison.AssertWithinTolerance(name, output);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_final_weights_and_biases_match_pytorch(string name)
    {
        var reference = TorchReference.File.Case(name);

        var (network, _) = Train(reference, reference.ToTraining());

        CompareFinalParameters(reference, network).AssertWithinTolerance(name, output);
    }

    [Fact]
    public void The_reference_file_holds_every_case_with_all_its_epochs_and_layers()
    {
        var cases = TorchReference.File.Cases;

        Assert.Equal(ExpectedCases, cases.Length);
        Assert.Equal(ExpectedCases, cases.Select(c => c.Name).Distinct().Count());
        Assert.All(cases, c =>
        {
            Assert.Equal(c.Training.Epochs, c.Losses.Length);
            Assert.Equal(c.Layers.Length, c.Initial.Length);
            Assert.Equal(c.Layers.Length, c.Final.Length);
        });
    }

    [Fact]
    public void The_reference_covers_every_optimizer_loss_batch_mode_activation_and_penalty()
    {
        var cases = TorchReference.File.Cases;
        var optimizers = cases.Select(c => c.Training.Optimizer)
            .Select(o => o.Kind + (o.Nesterov ? "+nesterov" : o.Momentum != 0 ? "+momentum" : ""));
        var hidden = cases.SelectMany(c => c.Layers[..^1]).Select(l => l.Activation);
        var outputs = cases.Select(c => $"{c.Layers[^1].Activation}+{c.Training.Loss}");
        var penalties = cases.Select(c => (c.Training.L1 != 0, c.Training.L2 != 0));

        Assert.Equal(["adam", "adamw", "rmsprop", "sgd", "sgd+momentum", "sgd+nesterov"], optimizers.Distinct().Order());
        Assert.Equal(["5", "full", "sgd"], cases.Select(c => c.Training.Batch).Distinct().Order());
        Assert.Equal(["relu", "sigmoid", "tanh"], hidden.Distinct().Order());
        Assert.Superset(
            new HashSet<string>
            {
                "linear+mse", "linear+mae", "sigmoid+bce", "softmax+cce",
                "sigmoid+mse", "softmax+mse", "softmax+bce", "sigmoid+cce",
            },
            outputs.ToHashSet());
        Assert.Equal([(false, false), (false, true), (true, false), (true, true)], penalties.Distinct().Order());
        Assert.Contains(cases, c => c.Layers.Length == 3);
        Assert.Contains(cases, c => c.Training.Optimizer.Kind == "adamw" && c.Training.Optimizer.DecoupledDecay > 0);
    }

    [Fact]
    public void Leaving_out_the_l2_penalty_misses_pytorch_by_far_more_than_the_tolerance()
    {
        var reference = TorchReference.File.Case("penalty_l2_sgd");

        var (network, _) = Train(reference, reference.ToTraining() with { WeightDecay = WeightDecay.None });

        Assert.True(CompareFinalParameters(reference, network).Worst > 100 * Relative);
    }

    [Fact]
    public void RmsProp_with_pytorchs_default_alpha_instead_of_the_cases_rho_misses_pytorch()
    {
        var reference = TorchReference.File.Case("optimizer_rmsprop_batch_5");
        var training = reference.ToTraining();

        var (network, _) = Train(reference, training with { Optimizer = training.Optimizer with { Rho = 0.99 } });

        Assert.True(CompareFinalParameters(reference, network).Worst > 100 * Relative);
    }

    private static (Network Network, TrainingResult Result) Train(TorchReferenceCase reference, TrainingDefinition training)
    {
        var trainer = new Trainer(reference.ToModel(), training, reference.ToDataset(), seed: 0);
        var result = trainer.Run();
        return (trainer.Network, result);
    }

    private static Comparison CompareFinalParameters(TorchReferenceCase reference, Network network)
    {
        var comparison = new Comparison();
        for (var l = 0; l < reference.Final.Length; l++)
        {
            var weights = reference.Final[l].Weights.SelectMany(row => row).ToArray();
            var ours = network.LayerWeights(l);
            Assert.Equal(weights.Length, ours.Length);
            for (var i = 0; i < weights.Length; i++)
            {
                comparison.Add($"layer {l + 1} weight {i}", weights[i], ours[i]);
            }

            var bias = reference.Final[l].Bias;
            var ourBias = network.LayerBias(l);
            Assert.Equal(bias.Length, ourBias.Length);
            for (var i = 0; i < bias.Length; i++)
            {
                comparison.Add($"layer {l + 1} bias {i}", bias[i], ourBias[i]);
            }
        }

        return comparison;
    }

    /// <summary>Collects every value's difference so a failure lists them all, not just the first.</summary>
    private sealed class Comparison
    {
        private readonly List<string> misses = [];

        public double Worst { get; private set; }

        public void Add(string what, double torch, double ours)
        {
            var difference = Math.Abs(ours - torch) / Math.Max(Math.Abs(torch), Absolute / Relative);
            Worst = Math.Max(Worst, double.IsNaN(difference) ? double.PositiveInfinity : difference);
            if (!(difference <= Relative))
            {
                misses.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: torch {torch:R}, ours {ours:R}"));
            }
        }

        public void AssertWithinTolerance(string name, ITestOutputHelper output)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst difference {Worst:E2}"));
            Assert.True(misses.Count == 0, $"{name} differs from PyTorch:\n{string.Join('\n', misses)}");
        }
    }
}
