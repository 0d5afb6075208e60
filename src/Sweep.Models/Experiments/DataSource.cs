using System.Text.Json.Serialization;

namespace Sweep.Models.Experiments;

/// <summary>Where the samples come from. File paths are kept as written, relative to the experiment file.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "source")]
[JsonDerivedType(typeof(InlineSource), "inline")]
[JsonDerivedType(typeof(CsvSource), "csv")]
[JsonDerivedType(typeof(IdxSource), "idx")]
[JsonDerivedType(typeof(SyntheticSource), "synthetic")]
public abstract record DataSource;
