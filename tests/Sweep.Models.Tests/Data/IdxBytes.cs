using System.Buffers.Binary;
using System.IO.Compression;

namespace Sweep.Models.Tests.Data;

/// <summary>Builds IDX files byte by byte, as the MNIST distribution writes them.</summary>
internal static class IdxBytes
{
    /// <summary>An image file of <paramref name="images"/>.Length images of rows × columns pixels each.</summary>
    public static byte[] Images(int rows, int columns, params byte[][] images) =>
        [.. Int(0x00000803), .. Int(images.Length), .. Int(rows), .. Int(columns), .. images.SelectMany(image => image)];

    public static byte[] Labels(params byte[] labels) => [.. Int(0x00000801), .. Int(labels.Length), .. labels];

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Int(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
