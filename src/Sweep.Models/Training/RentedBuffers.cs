using System.Collections.Concurrent;

namespace Sweep.Models.Training;

/// <summary>
/// The float buffers one owner (a network, an optimizer, a trainer) rents for a trial, handed back together
/// when the trial ends so the next trial of the same shapes reuses them. A new array's pages are mapped by the
/// kernel at their first write, which on a virtual machine costs tens of microseconds a page: the
/// Fashion-MNIST autoencoder's first epoch paid about a third more for its thousand new pages, every trial.
/// A rented array is zeroed, exactly like a new one, so results do not depend on what used it before.
/// </summary>
internal sealed class RentedBuffers
{
    /// <summary>At most this many bytes wait in the pool: a sweep over many model sizes keeps only recent ones.</summary>
    private const long MaxPooledBytes = 256L << 20;

    private static readonly ConcurrentDictionary<int, ConcurrentStack<float[]>> Pool = new();
    private static long pooledBytes;

    private readonly List<float[]> rented = [];

    /// <summary>How many arrays of <paramref name="length"/> floats wait in the pool.</summary>
    internal static int Waiting(int length) => Pool.TryGetValue(length, out var free) ? free.Count : 0;

    /// <summary>A zeroed array of exactly <paramref name="length"/> floats, pooled if one waits.</summary>
    public float[] Rent(int length)
    {
        if (length == 0)
        {
            return [];
        }

        float[] array;
        if (Pool.TryGetValue(length, out var free) && free.TryPop(out var pooled))
        {
            Interlocked.Add(ref pooledBytes, -4L * length);
            Array.Clear(pooled);
            array = pooled;
        }
        else
        {
            array = new float[length];
        }

        rented.Add(array);
        return array;
    }

    /// <summary>Hands every rented array back to the pool; the owner must not touch them afterwards. A second call does nothing.</summary>
    public void ReturnAll()
    {
        foreach (var array in rented)
        {
            if (Interlocked.Add(ref pooledBytes, 4L * array.Length) > MaxPooledBytes)
            {
                Interlocked.Add(ref pooledBytes, -4L * array.Length);
                continue;
            }

            Pool.GetOrAdd(array.Length, _ => new ConcurrentStack<float[]>()).Push(array);
        }

        rented.Clear();
    }
}
