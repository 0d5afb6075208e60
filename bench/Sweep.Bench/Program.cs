using Sweep.Bench;
using Sweep.Models.Training;

// The phase breakdown is read once, when training first runs: switch it on before anything trains.
var phases = args.Contains("--phases");
AppContext.SetSwitch(TrainingPhaseTimes.Switch, phases);

// One workload per first argument; each prints one JSON line per measured case on stdout.
return args.FirstOrDefault() switch
{
    "gemm" => GemmWorkload.Run(Console.Out, int.Parse(Option("--threads") ?? "1", System.Globalization.CultureInfo.InvariantCulture)),
    "store" => StoreWorkload.Run(Console.Out, Option("--case")),
    "report" => ReportWorkload.Run(Console.Out, Option("--keep")),
    "command" => CommandWorkload.Run(Console.Out, int.Parse(Option("--trials") ?? "100", System.Globalization.CultureInfo.InvariantCulture)),
    "workers" => WorkersWorkload.Run(Console.Out, Option("--db") ?? Environment.GetEnvironmentVariable("SWEEP_DB") ?? throw new ArgumentException("workers needs --db postgres://..."), int.Parse(Option("--trials") ?? "400", System.Globalization.CultureInfo.InvariantCulture), !args.Contains("--no-optuna")),
    "cores" => CoresWorkload.Run(Console.Out, int.Parse(Option("--rounds") ?? "3", System.Globalization.CultureInfo.InvariantCulture)),
    "engine" => EngineWorkload.Run(Console.Out, Option("--workload") ?? "fmnist_mlp", int.Parse(Option("--repeats") ?? "3", System.Globalization.CultureInfo.InvariantCulture), phases),
    _ => Usage(),
};

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Sweep.Bench gemm [--threads N] | store [--case y3x|mlp|per_trial] | report [--keep FOLDER] | command [--trials N] | workers --db POSTGRES-URL [--trials N] [--no-optuna] | cores [--rounds N] | engine [--workload linear_y3x|mlp231|fmnist_autoencoder|fmnist_mlp] [--repeats N] [--phases]");
    return 2;
}
