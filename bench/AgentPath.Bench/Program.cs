namespace AgentPath.Bench;

/// <summary>
/// Benchmarks of AgentPath, run without a web server: <c>dotnet run -c Release --project bench/AgentPath.Bench -- &lt;name&gt; [options]</c>.
/// Each benchmark is one file with a static <c>RunAsync(BenchArgs)</c>; add it to <see cref="Benchmarks"/> to make it a subcommand.
/// </summary>
public static class BenchProgram
{
    private sealed record Benchmark(string Name, string Summary, string Options, Func<BenchArgs, Task<int>> Run);

    private static readonly Benchmark[] Benchmarks =
    [
        new("roster", "Roster import (花名册): preview + commit of N generated rows, as .xlsx and .csv, against a raw ADO.NET floor.",
            RosterBench.Usage, RosterBench.RunAsync),
        new("examday", "Exam day: N agents start, load, save 50 answers and submit against the app on Kestrel; lost answers; a raw ADO.NET floor.",
            ExamDayBench.Usage, ExamDayBench.RunAsync),
        new("recordings", "Bulk registration of one day's calls (270,000 rows of a 20,000-seat center) from a .csv export, against a raw ADO.NET floor.",
            RecordingsBench.Usage, RecordingsBench.RunAsync),
    ];

    /// <summary>The arguments as given (a benchmark may restart itself with them).</summary>
    public static IReadOnlyList<string> CommandLine { get; private set; } = [];

    public static async Task<int> Main(string[] args)
    {
        CommandLine = args;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? 2 : 0;
        }

        var bench = Benchmarks.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (bench is null)
        {
            await Console.Error.WriteLineAsync($"Unknown benchmark \"{args[0]}\".");
            PrintUsage();
            return 2;
        }

        try
        {
            var options = BenchArgs.Parse(args.AsSpan(1));
            if (options.Flag("help"))
            {
                Console.WriteLine(bench.Options);
                return 0;
            }

#if DEBUG
            Console.WriteLine("WARNING: this is a Debug build; figures are only meaningful with -c Release.");
#endif
            return await bench.Run(options);
        }
        catch (BenchUsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            Console.WriteLine(bench.Options);
            return 2;
        }
    }

    private static void PrintUsage()
    {
        Console.WriteLine("Usage: dotnet run -c Release --project bench/AgentPath.Bench -- <benchmark> [options]");
        Console.WriteLine();
        foreach (var b in Benchmarks)
        {
            Console.WriteLine($"  {b.Name,-10} {b.Summary}");
        }

        Console.WriteLine();
        Console.WriteLine("  <benchmark> --help lists its options. Details: bench/README.md");
    }
}
