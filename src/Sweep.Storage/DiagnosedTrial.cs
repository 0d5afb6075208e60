using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>A trial's curve diagnosis, as <see cref="IResultStore.RecordDiagnoses"/> stores it.</summary>
public readonly record struct DiagnosedTrial(string TrialId, TrialDiagnosis Diagnosis);
