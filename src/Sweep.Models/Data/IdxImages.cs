namespace Sweep.Models.Data;

/// <summary>Images read from an IDX file: <paramref name="Count"/> rows of rows × columns raw pixel values.</summary>
/// <param name="DeclaredCount">How many images the header announces (the limit may have read fewer).</param>
internal sealed record IdxImages(float[] Pixels, int Count, int Rows, int Columns, int DeclaredCount)
{
    public int PixelsPerImage => Rows * Columns;
}
