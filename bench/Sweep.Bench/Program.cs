using Sweep.Bench;

// One workload per first argument; each prints one JSON line per measured case on stdout.
return args.FirstOrDefault() switch
{
    "gemm" => GemmWorkload.Run(Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Sweep.Bench <workload>; workloads: gemm");
    return 2;
}
