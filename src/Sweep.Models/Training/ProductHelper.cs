namespace Sweep.Models.Training;

/// <summary>
/// A long-lived background thread that multiplies row blocks for <see cref="ProductCrew"/>s. Helpers are
/// made only when none is idle, so there are never more than the most blocks handed out at once; their
/// number is bounded by the thread budgets the crews are given.
/// </summary>
#pragma warning disable CA1001 // A helper's thread never ends, so its event is never done with before the process ends.
internal sealed class ProductHelper
#pragma warning restore CA1001
{
    /// <summary>Spins before an idle helper blocks: the next product of a training step follows within microseconds.</summary>
    private const int SpinsBeforeBlocking = 100;

    private static readonly Stack<ProductHelper> Idle = new();

    private readonly ManualResetEventSlim wake = new(false, SpinsBeforeBlocking);
    private ProductCrew? crew;
    private int block;

    private ProductHelper()
    {
        var thread = new Thread(Work) { IsBackground = true, Name = "Sweep product helper" };
        thread.Start();
    }

    /// <summary>Has an idle helper (or a new one) multiply <paramref name="block"/> of <paramref name="crew"/>'s product.</summary>
    public static void Start(ProductCrew crew, int block)
    {
        ProductHelper? helper;
        lock (Idle)
        {
            Idle.TryPop(out helper);
        }

        helper ??= new ProductHelper();
        helper.crew = crew;
        helper.block = block;
        helper.wake.Set();
    }

    private void Work()
    {
        while (true)
        {
            wake.Wait();
            wake.Reset();
            var current = crew!;
            Exception? error = null;
            try
            {
                current.Product.Run(block);
            }
            catch (Exception e)
            {
                error = e;
            }

            crew = null;

            // Idle again before the crew hears of it, so the crew's next product finds this helper.
            lock (Idle)
            {
                Idle.Push(this);
            }

            current.BlockDone(error);
        }
    }
}
