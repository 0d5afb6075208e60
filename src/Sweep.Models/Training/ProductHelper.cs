using System.Diagnostics;

namespace Sweep.Models.Training;

/// <summary>
/// A long-lived background thread that multiplies row blocks for <see cref="ProductCrew"/>s. There are at
/// most one fewer than the machine's cores, made only when none is idle; how many work at once is bounded by
/// the thread budgets the crews are given.
/// </summary>
#pragma warning disable CA1001 // A helper's thread never ends, so its event is never done with before the process ends.
internal sealed class ProductHelper
#pragma warning restore CA1001
{
    /// <summary>
    /// How long an idle helper stays awake: the products of a training step come tens of microseconds apart,
    /// and waking a blocked thread takes about as long as the block it would take.
    /// </summary>
    private static readonly long AwakeTicks = Stopwatch.Frequency / 1000;

    private static readonly Stack<ProductHelper> Idle = new();
    private static int made;

    private readonly ManualResetEventSlim wake = new(false, spinCount: 0);
    private ProductCrew? crew;
    private int started;
    private int product;

    private ProductHelper()
    {
        var thread = new Thread(Work) { IsBackground = true, Name = "Sweep product helper" };
        thread.Start();
    }

    /// <summary>
    /// Wakes an idle helper (or makes one) to take blocks of <paramref name="crew"/>'s product
    /// <paramref name="number"/>; false when every helper there may be is busy.
    /// </summary>
    public static bool TryStart(ProductCrew crew, int number)
    {
        ProductHelper? helper;
        lock (Idle)
        {
            if (!Idle.TryPop(out helper) && made < Environment.ProcessorCount - 1)
            {
                made++;
                helper = new ProductHelper();
            }
        }

        if (helper is null)
        {
            return false;
        }

        helper.crew = crew;
        helper.product = number;
        Volatile.Write(ref helper.started, 1);
        helper.wake.Set();
        return true;
    }

    private void Work()
    {
        while (true)
        {
            var asleepAt = Stopwatch.GetTimestamp() + AwakeTicks;
            while (Volatile.Read(ref started) == 0)
            {
                if (Stopwatch.GetTimestamp() > asleepAt)
                {
                    wake.Wait();
                }

                Thread.SpinWait(20);
            }

            started = 0;
            wake.Reset();
            var current = crew!;
            crew = null;
            current.RunBlocks(product);
            lock (Idle)
            {
                Idle.Push(this);
            }
        }
    }
}
