using Sweep.Models.Experiments;

namespace Sweep.Models.Data;

/// <summary>
/// Loads an IDX source: images as rows of raw pixels, labels as one-hot rows over
/// max(10, largest label + 1) classes, or the images themselves as targets when there are no labels.
/// The test files, when given, become the validation samples.
/// </summary>
internal static class IdxSourceReader
{
    private const string Where = "data.idx";
    private const int MinimumClasses = 10;

    public static SourceSamples Read(IdxSource source, string directory, int? limit)
    {
        CheckPairs(source);
        var images = IdxFile.ReadImages(Path.Combine(directory, source.Images), limit);
        var labels = source.Labels is null ? null : ReadMatchingLabels(Path.Combine(directory, source.Labels), source.Images, images, limit);

        IdxImages? testImages = null;
        IdxLabels? testLabels = null;
        if (source.TestImages is not null)
        {
            var testPath = Path.Combine(directory, source.TestImages);
            testImages = IdxFile.ReadImages(testPath, limit);
            if (testImages.Rows != images.Rows || testImages.Columns != images.Columns)
            {
                throw new DataLoadException(
                    testPath,
                    line: null,
                    FormattableString.Invariant(
                        $"test images are {testImages.Rows}×{testImages.Columns} pixels but the training images ({source.Images}) are {images.Rows}×{images.Columns}"));
            }

            testLabels = source.TestLabels is null ? null : ReadMatchingLabels(Path.Combine(directory, source.TestLabels), source.TestImages, testImages, limit);
        }

        if (labels is null)
        {
            return new SourceSamples(Autoencoder(images), testImages is null ? null : Autoencoder(testImages), IsClassification: false, TargetsAreInputs: true);
        }

        var classes = Math.Max(MinimumClasses, Math.Max(labels.Values.Max(), testLabels?.Values.Max() ?? 0) + 1);
        return new SourceSamples(
            Classified(images, labels, classes),
            testImages is null || testLabels is null ? null : Classified(testImages, testLabels, classes),
            IsClassification: true,
            TargetsAreInputs: false);
    }

    private static void CheckPairs(IdxSource source)
    {
        if (source.TestLabels is not null && source.TestImages is null)
        {
            throw DataLoadException.AtKey(Where, "test_labels are given without test_images");
        }

        if (source.TestLabels is not null && source.Labels is null)
        {
            throw DataLoadException.AtKey(Where, "test_labels are given but the training images have no labels");
        }

        if (source.TestImages is not null && source.Labels is not null && source.TestLabels is null)
        {
            throw DataLoadException.AtKey(Where, "test_images need test_labels when the training images have labels");
        }
    }

    private static IdxLabels ReadMatchingLabels(string path, string imagesName, IdxImages images, int? limit)
    {
        var labels = IdxFile.ReadLabels(path, limit);
        return labels.DeclaredCount == images.DeclaredCount
            ? labels
            : throw new DataLoadException(
                path,
                line: null,
                FormattableString.Invariant($"{labels.DeclaredCount} labels for the {images.DeclaredCount} images of {imagesName}; the counts must match"));
    }

    // The targets are the inputs: one shared array instead of a second copy of every image.
    private static SampleSet Autoencoder(IdxImages images) =>
        new(images.Pixels, images.Pixels, images.Count, images.PixelsPerImage, images.PixelsPerImage);

    private static SampleSet Classified(IdxImages images, IdxLabels labels, int classes)
    {
        var y = new float[images.Count * classes];
        for (var i = 0; i < images.Count; i++)
        {
            y[(i * classes) + labels.Values[i]] = 1f;
        }

        return new SampleSet(images.Pixels, y, images.Count, images.PixelsPerImage, classes);
    }
}
