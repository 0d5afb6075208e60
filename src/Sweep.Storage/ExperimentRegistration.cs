namespace Sweep.Storage;

/// <summary>
/// The experiment version a file is stored as; <see cref="Hash"/> is the version's fingerprint (what the
/// file resolves to). <see cref="IsNew"/> when no stored version had this fingerprint; <see cref="IsChanged"/>
/// when it is new and an earlier version of the same name exists (the file was edited in a way that changes
/// what runs, so the trials not finished in earlier versions run under the new version).
/// </summary>
public sealed record ExperimentRegistration(long Id, string Name, int Version, string Hash, bool IsNew)
{
    public bool IsChanged => IsNew && Version > 1;
}
