using System.Collections.Immutable;
using Sweep.Models.Experiments;

namespace Sweep.Models.Training;

/// <summary>
/// A stack of dense layers with every buffer it needs allocated once, for batches of up to
/// <see cref="MaxBatch"/> samples. Parameters live in one flat vector: all weights layer by layer
/// (each units × inputs, row-major), then all biases, so optimizers and penalties work on plain spans and
/// the weights (the only penalised parameters) are its prefix. A network is not thread-safe.
/// </summary>
public sealed partial class Network
{
    private readonly DenseLayer[] layers;
    private readonly float[] parameters;
    private readonly float[] gradients;

    // Per layer, sized MaxBatch × units: pre-activations z, activations a (the same array as z for linear
    // layers) and the gradient with respect to z.
    private readonly float[][] preActivations;
    private readonly float[][] activations;
    private readonly float[][] deltas;
    private readonly float[] scratch;
    private readonly RentedBuffers buffers = new();

    /// <summary>Builds the layers, then fills weights from <paramref name="init"/> seeded by <paramref name="seed"/>.</summary>
    /// <remarks>A layer's explicit <see cref="LayerDefinition.Weights"/> or <see cref="LayerDefinition.Bias"/> replace the drawn values.</remarks>
    public Network(ImmutableArray<LayerDefinition> definitions, int inputs, InitKind init, int maxBatch, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(definitions.Length, 1, nameof(definitions));
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);

        layers = new DenseLayer[definitions.Length];
        var weightCount = 0;
        var fanIn = inputs;
        for (var l = 0; l < definitions.Length; l++)
        {
            var definition = definitions[l];
            ArgumentOutOfRangeException.ThrowIfLessThan(definition.Units, 1, $"layer {l + 1} units");
            layers[l] = new DenseLayer(
                fanIn, definition.Units, definition.Activation, (float)definition.ClipMin, (float)definition.ClipMax,
                weightCount, 0);
            weightCount += fanIn * definition.Units;
            fanIn = definition.Units;
        }

        var biasOffset = weightCount;
        for (var l = 0; l < layers.Length; l++)
        {
            layers[l] = layers[l] with { BiasOffset = biasOffset };
            biasOffset += layers[l].Units;
        }

        Inputs = inputs;
        Outputs = fanIn;
        MaxBatch = maxBatch;
        WeightCount = weightCount;
        parameters = buffers.Rent(biasOffset);
        gradients = buffers.Rent(biasOffset);

        preActivations = new float[layers.Length][];
        activations = new float[layers.Length][];
        deltas = new float[layers.Length][];
        var widest = 0;
        for (var l = 0; l < layers.Length; l++)
        {
            var size = maxBatch * layers[l].Units;
            preActivations[l] = buffers.Rent(size);
            activations[l] = layers[l].Activation == Activation.Linear ? preActivations[l] : buffers.Rent(size);
            deltas[l] = buffers.Rent(size);
            widest = Math.Max(widest, size);
        }

        scratch = buffers.Rent(widest);
        Initialize(definitions, init, seed);
    }

    /// <summary>Hands the network's buffers to the next trial of the same shapes; the network must not be used afterwards.</summary>
    internal void ReturnBuffers() => buffers.ReturnAll();

    /// <summary>The network of <paramref name="model"/> for data with <paramref name="inputs"/> features.</summary>
    public static Network For(ModelDefinition model, int inputs, int maxBatch, int seed) =>
        new(model.LayersFor(inputs), inputs, model.Init, maxBatch, seed);

    /// <summary>The threads the large products of each pass may use; one unless a scheduler gives more.</summary>
    public ThreadBudget Threads { get; set; } = new();

    public int Inputs { get; }

    public int Outputs { get; }

    public int MaxBatch { get; }

    public int LayerCount => layers.Length;

    /// <summary>How many of the leading <see cref="Parameters"/> are weights (the rest are biases).</summary>
    public int WeightCount { get; }

    /// <summary>All weights, then all biases.</summary>
    public Span<float> Parameters => parameters;

    /// <summary>The gradient of the last <see cref="ComputeGradients"/>, laid out as <see cref="Parameters"/>.</summary>
    public Span<float> Gradients => gradients;

    /// <summary>The weights of every layer: the leading part of <see cref="Parameters"/>.</summary>
    public Span<float> Weights => parameters.AsSpan(0, WeightCount);

    /// <summary>The weights of one layer, units × inputs row-major.</summary>
    public Span<float> LayerWeights(int layer) =>
        parameters.AsSpan(layers[layer].WeightOffset, layers[layer].WeightCount);

    public Span<float> LayerBias(int layer) => parameters.AsSpan(layers[layer].BiasOffset, layers[layer].Units);

    private void Initialize(ImmutableArray<LayerDefinition> definitions, InitKind init, int seed)
    {
        var random = new Random(seed);
        for (var l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            var weights = LayerWeights(l);
            var bias = LayerBias(l);
            WeightInitializer.Fill(init, weights, bias, layer.Inputs, layer.Units, random);

            if (definitions[l].Weights is { } rows)
            {
                if (rows.Length != layer.Units || rows.Any(row => row.Length != layer.Inputs))
                {
                    throw new ArgumentException(
                        $"Layer {l + 1} gives weights that are not {layer.Units} rows (units) of {layer.Inputs} values (inputs).",
                        nameof(definitions));
                }

                for (var unit = 0; unit < layer.Units; unit++)
                {
                    for (var input = 0; input < layer.Inputs; input++)
                    {
                        weights[(unit * layer.Inputs) + input] = (float)rows[unit][input];
                    }
                }
            }

            if (definitions[l].Bias is { } values)
            {
                if (values.Length != layer.Units)
                {
                    throw new ArgumentException(
                        $"Layer {l + 1} gives {values.Length} biases for {layer.Units} units.", nameof(definitions));
                }

                for (var unit = 0; unit < layer.Units; unit++)
                {
                    bias[unit] = (float)values[unit];
                }
            }
        }
    }
}
