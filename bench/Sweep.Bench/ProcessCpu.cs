using System.Globalization;

namespace Sweep.Bench;

/// <summary>
/// CPU seconds used so far by this process, and by the children it has reaped, as /proc/self/stat counts them.
/// On a busy machine the wall clock says how long other work made a trial wait; CPU says what it cost.
/// </summary>
internal readonly record struct ProcessCpu(double Self, double Children)
{
    /// <summary>The kernel's clock ticks per second for these fields (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static ProcessCpu Now()
    {
        // Fields after the command name, which is in parentheses and may contain spaces: utime, stime, cutime
        // and cstime are the 14th to 17th fields of the line, the 12th to 15th after the name.
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double Seconds(int field) => long.Parse(fields[field], CultureInfo.InvariantCulture) / TicksPerSecond;
        return new ProcessCpu(Seconds(11) + Seconds(12), Seconds(13) + Seconds(14));
    }

    public static ProcessCpu operator -(ProcessCpu left, ProcessCpu right) => new(left.Self - right.Self, left.Children - right.Children);
}
