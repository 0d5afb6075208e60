using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Data;

public sealed class IdxSourceTests : IDisposable
{
    private static readonly byte[] First = [0, 1, 2, 127, 128, 255];
    private static readonly byte[] Second = [10, 20, 30, 40, 50, 60];
    private static readonly byte[] Third = [255, 254, 253, 3, 2, 1];

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private Dataset Load(IdxSource source, double validation = 0, Normalization normalize = Normalization.None, int? limit = null) =>
        DatasetLoader.Load(Some.Data(source, validation, normalize, limit), folder.Path, seed: 1);

    private DataLoadException LoadFails(IdxSource source) =>
        Assert.Throws<DataLoadException>(() => Load(source));

    [Fact]
    public void Plain_files_round_trip_to_exact_pixels_and_one_hot_labels()
    {
        folder.Write("images", IdxBytes.Images(2, 3, First, Second, Third));
        folder.Write("labels", IdxBytes.Labels(7, 0, 9));

        var data = Load(new IdxSource("images", "labels", null, null));

        Assert.True(data.IsClassification);
        Assert.Equal(6, data.Features);
        Assert.Equal(10, data.Targets);
        Assert.Equal(3, data.Train.Count);
        Assert.Equal(First.Concat(Second).Concat(Third).Select(pixel => (float)pixel), data.Train.X);
        Assert.Equal(OneHot(10, 7, 0, 9), data.Train.Y);
    }

    [Fact]
    public void Gzip_is_recognised_by_content_not_by_name()
    {
        folder.Write("images.idx", IdxBytes.Gzip(IdxBytes.Images(2, 3, First, Second)));
        folder.Write("labels.gz", IdxBytes.Labels(1, 2));

        var data = Load(new IdxSource("images.idx", "labels.gz", null, null));

        Assert.Equal(First.Concat(Second).Select(pixel => (float)pixel), data.Train.X);
        Assert.Equal(OneHot(10, 1, 2), data.Train.Y);
    }

    [Fact]
    public void Labels_above_nine_widen_the_one_hot_rows_to_the_largest_label_plus_one()
    {
        folder.Write("images", IdxBytes.Images(2, 3, First, Second));
        folder.Write("labels", IdxBytes.Labels(11, 3));

        var data = Load(new IdxSource("images", "labels", null, null));

        Assert.Equal(12, data.Targets);
        Assert.Equal(OneHot(12, 11, 3), data.Train.Y);
    }

    [Fact]
    public void Without_labels_the_images_are_their_own_targets_and_are_scaled_alike()
    {
        folder.Write("images.gz", IdxBytes.Gzip(IdxBytes.Images(2, 3, First, Third)));

        var data = Load(new IdxSource("images.gz", null, null, null), normalize: Normalization.Scale);

        Assert.False(data.IsClassification);
        Assert.Equal(6, data.Targets);
        Assert.Equal(First.Concat(Third).Select(pixel => pixel / 255f), data.Train.X);
        Assert.Equal(data.Train.X, data.Train.Y);
        Assert.All(data.Train.Y, value => Assert.InRange(value, 0f, 1f));
    }

    [Fact]
    public void An_autoencoder_split_keeps_inputs_and_targets_equal_after_standard_scaling()
    {
        folder.Write("images", IdxBytes.Images(2, 3, First, Second, Third, First, Second));

        var data = Load(new IdxSource("images", null, null, null), validation: 0.4, normalize: Normalization.Standard);

        Assert.Equal(3, data.Train.Count);
        Assert.Equal(2, data.Validation!.Count);
        Assert.Equal(data.Train.X, data.Train.Y);
        Assert.Equal(data.Validation.X, data.Validation.Y);
    }

    [Fact]
    public void Test_files_become_the_validation_set_and_the_fraction_is_ignored()
    {
        folder.Write("train-images", IdxBytes.Images(2, 3, First, Second));
        folder.Write("train-labels", IdxBytes.Labels(1, 2));
        folder.Write("test-images", IdxBytes.Gzip(IdxBytes.Images(2, 3, Third)));
        folder.Write("test-labels", IdxBytes.Gzip(IdxBytes.Labels(5)));

        var data = Load(new IdxSource("train-images", "train-labels", "test-images", "test-labels"), validation: 0.5);

        Assert.Equal(2, data.Train.Count);
        Assert.Equal(1, data.Validation!.Count);
        Assert.Equal(Third.Select(pixel => (float)pixel), data.Validation.X);
        Assert.Equal(OneHot(10, 5), data.Validation.Y);
    }

    [Fact]
    public void The_limit_keeps_the_first_images_of_the_training_and_the_test_files()
    {
        folder.Write("train-images", IdxBytes.Images(2, 3, First, Second, Third));
        folder.Write("train-labels", IdxBytes.Labels(1, 2, 3));
        folder.Write("test-images", IdxBytes.Images(2, 3, Third, Second, First));
        folder.Write("test-labels", IdxBytes.Labels(4, 5, 6));

        var data = Load(new IdxSource("train-images", "train-labels", "test-images", "test-labels"), limit: 2);

        Assert.Equal(First.Concat(Second).Select(pixel => (float)pixel), data.Train.X);
        Assert.Equal(OneHot(10, 1, 2), data.Train.Y);
        Assert.Equal(Third.Concat(Second).Select(pixel => (float)pixel), data.Validation!.X);
        Assert.Equal(OneHot(10, 4, 5), data.Validation.Y);
    }

    [Fact]
    public void A_labels_file_given_as_images_is_a_bad_magic_number_naming_the_file()
    {
        var path = folder.Write("labels-as-images", IdxBytes.Labels(1, 2));

        var error = LoadFails(new IdxSource("labels-as-images", null, null, null));

        Assert.Equal(
            $"{path}: bad magic number 0x00000801; expected 0x00000803 (unsigned-byte images, count × rows × columns) — is this the right IDX file?",
            error.Message);
    }

    [Fact]
    public void A_gzipped_file_with_a_bad_magic_number_is_reported_too()
    {
        var path = folder.Write("images.gz", IdxBytes.Gzip([1, 2, 3, 4, 0, 0, 0, 0]));

        var error = LoadFails(new IdxSource("images.gz", null, null, null));

        Assert.StartsWith($"{path}: bad magic number 0x01020304;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_image_file_says_where_it_ends()
    {
        var whole = IdxBytes.Images(2, 3, First, Second, Third);
        var path = folder.Write("images", whole[..^4]);

        var error = LoadFails(new IdxSource("images", null, null, null));

        Assert.Equal($"{path}: the file is truncated: it ends inside image 3 of the 3 its header announces", error.Message);
    }

    [Fact]
    public void A_cut_off_gzip_file_is_an_error_naming_the_file()
    {
        var whole = IdxBytes.Gzip(IdxBytes.Images(2, 3, First, Second, Third));
        var path = folder.Write("images.gz", whole[..^12]);

        var error = LoadFails(new IdxSource("images.gz", null, null, null));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_ends_inside_its_header_is_truncated()
    {
        var path = folder.Write("images", [0, 0, 8, 3, 0, 0]);

        var error = LoadFails(new IdxSource("images", null, null, null));

        Assert.Equal($"{path}: the file is truncated: it ends before the header's image count", error.Message);
    }

    [Fact]
    public void Label_and_image_counts_must_match()
    {
        folder.Write("images", IdxBytes.Images(2, 3, First, Second));
        var path = folder.Write("labels", IdxBytes.Labels(1, 2, 3));

        var error = LoadFails(new IdxSource("images", "labels", null, null));

        Assert.Equal($"{path}: 3 labels for the 2 images of images; the counts must match", error.Message);
    }

    [Fact]
    public void Test_images_of_another_size_are_an_error()
    {
        folder.Write("images", IdxBytes.Images(2, 3, First));
        var path = folder.Write("test-images", IdxBytes.Images(3, 2, Second));

        var error = LoadFails(new IdxSource("images", null, "test-images", null));

        Assert.Equal($"{path}: test images are 3×2 pixels but the training images (images) are 2×3", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = LoadFails(new IdxSource("absent.gz", null, null, null));

        Assert.Equal($"{Path.Combine(folder.Path, "absent.gz")}: file not found", error.Message);
    }

    [Fact]
    public void A_folder_given_as_the_file_is_named_as_a_folder()
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));

        var error = LoadFails(new IdxSource("images", null, null, null));

        Assert.Equal($"{Path.Combine(folder.Path, "images")}: this is a folder, not a file", error.Message);
    }

    private static float[] OneHot(int classes, params int[] labels)
    {
        var rows = new float[labels.Length * classes];
        for (var i = 0; i < labels.Length; i++)
        {
            rows[(i * classes) + labels[i]] = 1f;
        }

        return rows;
    }
}
