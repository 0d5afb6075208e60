namespace Sweep.Models.Experiments;

/// <summary>
/// IDX files (the MNIST format), gzipped or not. Labels become one-hot targets; without labels the data
/// suits an autoencoder. Test files, when given, are the validation set.
/// </summary>
public sealed record IdxSource(string Images, string? Labels, string? TestImages, string? TestLabels) : DataSource;
