using Sweep.Runner;

return SweepCli.Run(args, Console.Out, Console.Error);
