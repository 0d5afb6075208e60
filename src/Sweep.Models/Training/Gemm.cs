using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sweep.Models.Training;

/// <summary>
/// Single-precision matrix multiply for the engine's dense layers, on row-major storage:
/// <c>C[m x n] = op(A) * op(B) + beta * C</c>, where <c>op(X)</c> is <c>X</c> or its transpose.
/// </summary>
/// <remarks>
/// Single-threaded and deterministic: the same inputs give the same bits on the same machine.
/// After the first call on a thread with a given size class it allocates nothing; the packing
/// buffers live in thread-static storage that only grows.
/// The three products of a dense layer with weights <c>W[units x inputs]</c>:
/// forward <c>Y = X * W^T</c> (<c>transposeB</c>), weight gradient <c>dW = dY^T * X</c>
/// (<c>transposeA</c>) and input gradient <c>dX = dY * W</c>.
/// There is no alpha: the layers never scale a product. C must not overlap A or B.
/// </remarks>
public static partial class Gemm
{
    /// <summary>
    /// Below this many multiply-adds the packed path costs more than it saves; toy networks
    /// (and batch-1 SGD on them) land here.
    /// </summary>
    private const long SmallProductLimit = 2048;

    /// <summary>The blocked path's kernels and packing need x64 AVX2 with FMA; elsewhere every size takes the simple loops.</summary>
    private static bool UseBlocked => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>
    /// 512-bit kernels also need the AVX-512 masked loads and stores; the runtime reports
    /// Vector512 as unaccelerated on CPUs that would slow their clocks for it.
    /// </summary>
    private static bool UseVector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>Computes <c>C = op(A) * op(B) + beta * C</c>.</summary>
    /// <param name="transposeA">Use the transpose of <paramref name="a"/>: <c>a</c> then holds k rows of m.</param>
    /// <param name="transposeB">Use the transpose of <paramref name="b"/>: <c>b</c> then holds n rows of k.</param>
    /// <param name="m">Rows of <c>op(A)</c> and of <c>C</c>.</param>
    /// <param name="n">Columns of <c>op(B)</c> and of <c>C</c>.</param>
    /// <param name="k">Columns of <c>op(A)</c>, rows of <c>op(B)</c>.</param>
    /// <param name="a">Storage of A, row-major.</param>
    /// <param name="lda">Distance between rows of the stored A.</param>
    /// <param name="b">Storage of B, row-major.</param>
    /// <param name="ldb">Distance between rows of the stored B.</param>
    /// <param name="c">Storage of C, row-major.</param>
    /// <param name="ldc">Distance between rows of C.</param>
    /// <param name="beta">0 overwrites C (even NaN there is ignored); 1 accumulates into C.</param>
    public static unsafe void Multiply(
        bool transposeA,
        bool transposeB,
        int m,
        int n,
        int k,
        ReadOnlySpan<float> a,
        int lda,
        ReadOnlySpan<float> b,
        int ldb,
        Span<float> c,
        int ldc,
        float beta = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckStorage(a.Length, transposeA ? k : m, transposeA ? m : k, lda, nameof(a), nameof(lda));
        CheckStorage(b.Length, transposeB ? n : k, transposeB ? k : n, ldb, nameof(b), nameof(ldb));
        CheckStorage(c.Length, m, n, ldc, nameof(c), nameof(ldc));

        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            ScaleC(m, n, c, ldc, beta);
        }
        else if ((long)m * n * k <= SmallProductLimit || !UseBlocked)
        {
            // No pinning here: batch-1 SGD calls this per sample, where a few nanoseconds are the whole cost.
            MultiplySimple(
                transposeA, transposeB, m, n, k,
                ref MemoryMarshal.GetReference(a), lda, ref MemoryMarshal.GetReference(b), ldb, ref MemoryMarshal.GetReference(c), ldc, beta);
        }
        else
        {
            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pc = c)
            {
                if (m == 1 && UseVector512 && (!transposeA || lda == 1))
                {
                    MultiplyRowVector(transposeB, n, k, pa, pb, ldb, pc, beta);
                }
                else
                {
                    MultiplyBlocked(transposeA, transposeB, m, n, k, pa, lda, pb, ldb, pc, ldc, beta);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckStorage(int length, int rows, int columns, int stride, string name, string strideName)
    {
        if (stride < columns || stride < 1 || (rows != 0 && columns != 0 && length < ((long)(rows - 1) * stride) + columns))
        {
            ThrowBadStorage(length, rows, columns, stride, name, strideName);
        }
    }

    [DoesNotReturn]
    private static void ThrowBadStorage(int length, int rows, int columns, int stride, string name, string strideName)
    {
        if (stride < Math.Max(1, columns))
        {
            throw new ArgumentOutOfRangeException(
                strideName, stride, $"The row stride of {name} must be at least its row length {columns} (and at least 1).");
        }

        long needed = ((long)(rows - 1) * stride) + columns;
        throw new ArgumentException(
            $"{name} holds {length} floats but {rows} rows of {columns} with stride {stride} need {needed}.", name);
    }

    private static void ScaleC(int m, int n, Span<float> c, int ldc, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == 0f)
            {
                row.Clear();
            }
            else if (beta != 1f)
            {
                TensorPrimitives.Multiply(row, beta, row);
            }
        }
    }
}
