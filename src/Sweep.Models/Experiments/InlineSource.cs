using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>Samples written in the experiment file: one row of features and one row of targets per sample.</summary>
public sealed record InlineSource(ImmutableArray<ImmutableArray<double>> X, ImmutableArray<ImmutableArray<double>> Y) : DataSource;
