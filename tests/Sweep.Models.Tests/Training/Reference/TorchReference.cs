using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sweep.Models.Tests.Training.Reference;

/// <summary>
/// torch_reference.json, written by make_reference.py beside it and copied next to the test assembly:
/// the torch version that made it and its cases, read once per test run.
/// </summary>
internal sealed record TorchReference(string Torch, TorchReferenceCase[] Cases)
{
    // Strict: a renamed or missing field fails the read instead of leaving a default that could still pass.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<TorchReference> Loaded = new(Load);

    public static TorchReference File => Loaded.Value;

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Training", "Reference", "torch_reference.json");

    public TorchReferenceCase Case(string name) => Cases.Single(c => c.Name == name);

    private static TorchReference Load()
    {
        using var stream = System.IO.File.OpenRead(Path);
        return JsonSerializer.Deserialize<TorchReference>(stream, Options)
            ?? throw new InvalidDataException($"{Path} holds no reference object.");
    }
}
