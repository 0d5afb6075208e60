using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Sweep.Models.Training;

/// <summary>
/// A thread's way of running a product's row blocks with <see cref="ProductHelper"/>s: the calling thread and
/// the helpers it wakes take blocks one at a time until none is left, so a helper that the machine has not
/// scheduled yet costs nothing: the caller takes its blocks too, and waits only for blocks under way.
/// One per thread and reused, so a parallel product allocates nothing once its helpers exist.
/// </summary>
#pragma warning disable CA1001 // A crew lives as long as its thread, so its event is never done with before the process ends.
internal sealed class ProductCrew
#pragma warning restore CA1001
{
    /// <summary>How long the caller spins for blocks under way before it blocks: they take tens of microseconds.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 1000;

    [ThreadStatic]
    private static ProductCrew? t_crew;

    private readonly ManualResetEventSlim done = new(false, spinCount: 0);

    /// <summary>
    /// The product's number in the high half, the next unclaimed block in the low half: a helper woken for an
    /// earlier product can never claim a block of this one.
    /// </summary>
    private long claims;
    private int product;
    private int unfinished;
    private ExceptionDispatchInfo? failure;

    public static ProductCrew ForThisThread => t_crew ??= new ProductCrew();

    /// <summary>The product being run; read by helpers only for blocks they have claimed.</summary>
    public RowBlockProduct Product { get; private set; }

    public void Run(RowBlockProduct blocks)
    {
        Product = blocks;
        failure = null;
        unfinished = blocks.Blocks;
        done.Reset();
        product++;
        Volatile.Write(ref claims, (long)product << 32);
        var woken = 0;
        while (woken < blocks.Blocks - 1 && ProductHelper.TryStart(this, product))
        {
            woken++;
        }

        try
        {
            RunBlocks(product);
        }
        finally
        {
            // The caller keeps the storage pinned only until this returns, so every block must be done first.
            var blockAt = Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref unfinished) > 0 && Stopwatch.GetTimestamp() < blockAt)
            {
                Thread.SpinWait(20);
            }

            done.Wait();

            // Closed: a helper that read the claims before this cannot take a block of the next product.
            Volatile.Write(ref claims, ((long)product << 32) | int.MaxValue);
        }

        failure?.Throw();
    }

    /// <summary>Multiplies unclaimed blocks of product <paramref name="number"/> until none is left.</summary>
    public void RunBlocks(int number)
    {
        while (TryClaim(number, out var block))
        {
            try
            {
                Product.Run(block);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }

            if (Interlocked.Decrement(ref unfinished) == 0)
            {
                done.Set();
            }
        }
    }

    private bool TryClaim(int number, out int block)
    {
        while (true)
        {
            var current = Volatile.Read(ref claims);
            block = (int)current;
            if ((int)(current >> 32) != number || block >= Product.Blocks)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref claims, current + 1, current) == current)
            {
                return true;
            }
        }
    }
}
