namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>Tests that start `sweep` processes run one at a time: on a two-core agent, parallel sweeps would only slow each other down past their timing.</summary>
[CollectionDefinition(nameof(SweepProcesses), DisableParallelization = true)]
public sealed class SweepProcesses;
