using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>
/// A CSV file with a header row. <see cref="Features"/> empty means every column but the targets.
/// With <see cref="OneHot"/> the single target column holds class labels, turned into one-hot rows.
/// </summary>
public sealed record CsvSource(string Path, ImmutableArray<string> Features, ImmutableArray<string> Targets, bool OneHot) : DataSource;
