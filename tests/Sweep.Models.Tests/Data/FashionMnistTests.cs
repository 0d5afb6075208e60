using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Data;

/// <summary>The real image data set the seeds use, from the Debian package dataset-fashion-mnist.</summary>
public sealed class FashionMnistTests
{
    private const string Folder = "/usr/share/datasets/fashion-mnist";

    [Fact]
    public void The_first_thousand_Fashion_MNIST_images_load_as_scaled_784_pixel_rows_with_ten_classes()
    {
        Assert.True(
            Directory.Exists(Folder),
            $"{Folder} is missing: install the Debian package with `apt-get install dataset-fashion-mnist`");
        var source = new IdxSource(
            "train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz");

        var data = DatasetLoader.Load(Some.Data(source, validation: 0.5, normalize: Normalization.Scale, limit: 1000), Folder, seed: 1);

        Assert.True(data.IsClassification);
        Assert.Equal((784, 10), (data.Features, data.Targets));
        Assert.Equal((1000, 1000), (data.Train.Count, data.Validation!.Count));
        Assert.All(data.Train.X, pixel => Assert.InRange(pixel, 0f, 1f));
        Assert.Equal(1f, data.Train.X.Max());
        Assert.All(Enumerable.Range(0, 1000), i => Assert.Equal(1f, data.Train.Outputs(i).ToArray().Sum()));
        // Both files start with an ankle boot (class 9), then a T-shirt (0) and a pullover (2) respectively.
        Assert.Equal(9, data.Train.Outputs(0).IndexOf(1f));
        Assert.Equal(0, data.Train.Outputs(1).IndexOf(1f));
        Assert.Equal(9, data.Validation.Outputs(0).IndexOf(1f));
        Assert.Equal(2, data.Validation.Outputs(1).IndexOf(1f));
    }
}
