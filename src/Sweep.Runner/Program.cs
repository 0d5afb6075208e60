using Sweep.Runner;

using var signals = new StopSignals();
return await SweepCli.RunAsync(args, Console.Out, Console.Error, signals.Token);
