using System.Buffers.Binary;
using System.IO.Compression;

namespace Sweep.Models.Data;

/// <summary>
/// Reads IDX files (the MNIST format): a big-endian magic number whose last byte is the number of
/// dimensions, one big-endian 32-bit size per dimension, then the unsigned bytes. Gzipped files are
/// recognised by their content (1f 8b), whatever their name.
/// </summary>
internal static class IdxFile
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;
    private const int ChunkBytes = 1 << 20;

    /// <summary>The first <paramref name="limit"/> images (all when null) as rows of raw 0..255 floats.</summary>
    public static IdxImages ReadImages(string path, int? limit) => Guard(path, () =>
    {
        using var stream = Open(path);
        ReadMagic(stream, path, ImagesMagic, "unsigned-byte images, count × rows × columns");
        var declared = ReadSize(stream, path, "image count");
        var rows = ReadSize(stream, path, "row count");
        var columns = ReadSize(stream, path, "column count");
        if (declared == 0)
        {
            throw new DataLoadException(path, line: null, "the header announces no images");
        }

        var count = Math.Min(declared, limit ?? declared);
        var pixels = (long)rows * columns;
        if (pixels == 0 || count * pixels > Array.MaxLength)
        {
            throw new DataLoadException(path, line: null, FormattableString.Invariant($"{count} images of {rows}×{columns} pixels cannot be loaded"));
        }

        var values = new float[count * pixels];
        var filled = ReadBytes(stream, values);
        if (filled < values.Length)
        {
            throw new DataLoadException(
                path,
                line: null,
                FormattableString.Invariant($"the file is truncated: it ends inside image {(filled / pixels) + 1} of the {declared} its header announces"));
        }

        return new IdxImages(values, count, rows, columns, declared);
    });

    /// <summary>The first <paramref name="limit"/> labels (all when null).</summary>
    public static IdxLabels ReadLabels(string path, int? limit) => Guard(path, () =>
    {
        using var stream = Open(path);
        ReadMagic(stream, path, LabelsMagic, "unsigned-byte labels, one per image");
        var declared = ReadSize(stream, path, "label count");
        var count = Math.Min(declared, limit ?? declared);
        var labels = new byte[count];
        var filled = stream.ReadAtLeast(labels, labels.Length, throwOnEndOfStream: false);
        if (filled < labels.Length)
        {
            throw new DataLoadException(
                path,
                line: null,
                FormattableString.Invariant($"the file is truncated: it ends after label {filled} of the {declared} its header announces"));
        }

        return new IdxLabels(labels, declared);
    });

    // The readers' failures that are not ours (a corrupt gzip stream, a disk error) become one-line data errors.
    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw new DataLoadException(path, line: null, $"not a valid gzip file: {e.Message}", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataLoadException(path, line: null, "file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && Directory.Exists(path))
        {
            throw new DataLoadException(path, line: null, "this is a folder, not a file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataLoadException(path, line: null, $"cannot be read: {e.Message}", e);
        }
    }

    private static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        Span<byte> start = stackalloc byte[2];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && start[0] == 0x1f && start[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static void ReadMagic(Stream stream, string path, int expected, string meaning)
    {
        var magic = ReadInt(stream, path, "magic number");
        if (magic != expected)
        {
            throw new DataLoadException(
                path,
                line: null,
                FormattableString.Invariant($"bad magic number 0x{magic:X8}; expected 0x{expected:X8} ({meaning}) — is this the right IDX file?"));
        }
    }

    private static int ReadSize(Stream stream, string path, string what)
    {
        var size = ReadInt(stream, path, what);
        return size >= 0
            ? size
            : throw new DataLoadException(path, line: null, FormattableString.Invariant($"the header's {what} is {(uint)size}, too large to load"));
    }

    private static int ReadInt(Stream stream, string path, string what)
    {
        Span<byte> bytes = stackalloc byte[4];
        return stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) == bytes.Length
            ? BinaryPrimitives.ReadInt32BigEndian(bytes)
            : throw new DataLoadException(path, line: null, $"the file is truncated: it ends before the header's {what}");
    }

    private static long ReadBytes(Stream stream, float[] values)
    {
        var chunk = new byte[(int)Math.Min(ChunkBytes, values.Length)];
        long filled = 0;
        while (filled < values.Length)
        {
            var wanted = (int)Math.Min(chunk.Length, values.Length - filled);
            var got = stream.ReadAtLeast(chunk.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            for (var i = 0; i < got; i++)
            {
                values[filled + i] = chunk[i];
            }

            filled += got;
            if (got < wanted)
            {
                break;
            }
        }

        return filled;
    }
}
