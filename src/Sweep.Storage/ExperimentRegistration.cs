namespace Sweep.Storage;

/// <summary>
/// The experiment version a file's text is stored as. <see cref="IsNew"/> when this text was not in the
/// store before; <see cref="IsChanged"/> when it is new and an earlier version of the same name exists
/// (the file was edited since it last ran, so its trials start afresh under the new version).
/// </summary>
public sealed record ExperimentRegistration(long Id, string Name, int Version, string Hash, bool IsNew)
{
    public bool IsChanged => IsNew && Version > 1;
}
