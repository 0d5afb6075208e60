using System.Runtime.ExceptionServices;

namespace Sweep.Models.Training;

/// <summary>
/// A thread's way of running a product's row blocks: it hands all blocks but the first to idle
/// <see cref="ProductHelper"/>s, multiplies the first itself, and waits for the rest. One per thread and
/// reused, so a parallel product allocates nothing once its helpers exist.
/// </summary>
#pragma warning disable CA1001 // A crew lives as long as its thread, so its event is never done with before the process ends.
internal sealed class ProductCrew
#pragma warning restore CA1001
{
    /// <summary>Spins before the wait blocks: the helpers' blocks take tens of microseconds, about as long as waking a thread.</summary>
    private const int SpinsBeforeBlocking = 100;

    [ThreadStatic]
    private static ProductCrew? t_crew;

    private readonly ManualResetEventSlim done = new(false, SpinsBeforeBlocking);
    private int pending;
    private ExceptionDispatchInfo? failure;

    public static ProductCrew ForThisThread => t_crew ??= new ProductCrew();

    /// <summary>The product being run; helpers read it while <see cref="Run"/> waits.</summary>
    public RowBlockProduct Product { get; private set; }

    public void Run(RowBlockProduct product)
    {
        Product = product;
        failure = null;
        pending = product.Blocks - 1;
        done.Reset();
        for (var block = 1; block < product.Blocks; block++)
        {
            ProductHelper.Start(this, block);
        }

        try
        {
            product.Run(0);
        }
        finally
        {
            // The storage stays pinned by the caller only until this returns, so every block must be done first.
            done.Wait();
        }

        failure?.Throw();
    }

    /// <summary>Called by a helper when its block is done, with what it threw if it failed.</summary>
    public void BlockDone(Exception? error)
    {
        if (error is not null)
        {
            Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(error), null);
        }

        if (Interlocked.Decrement(ref pending) == 0)
        {
            done.Set();
        }
    }
}
