namespace Sweep.Bench;

/// <summary>Seconds per call: the median to report, the fastest to compare runs on a busy machine.</summary>
internal readonly record struct Timing(double MedianSeconds, double MinSeconds);
