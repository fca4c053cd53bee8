using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Quality;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace AgentPath.Bench;

/// <summary>
/// Bulk registration of calls (issue 4): one day of a 20,000-seat center, 270,000 rows of the call system's export,
/// through <see cref="RecordingImporter.RegisterAsync"/> exactly as <c>POST /api/v1/recordings/imports</c> calls it
/// (store the upload, parse, check every row against the people and the calls already registered, insert all rows
/// and the import's audit row in one transaction). The database holds the demo org plus 20,000 agents. The floor
/// is raw ADO.NET inserting the same rows into a plain table, measured in the same run.
/// </summary>
public static class RecordingsBench
{
    public const string Usage = """
        recordings [--rows N] [--agents A] [--format csv|xlsx] [--runs R] [--no-warmup] [--keep] [--out DIR]
          --rows N        call rows in the export (default 270000)
          --agents A      agents the calls belong to, added to the demo org before timing (default 20000)
          --format F      csv (UTF-8 with BOM, as Excel saves it; default) or xlsx
          --runs R        register R exports, each on a fresh database; every run and the median are reported (default 1)
          --no-warmup     skip the untimed warm-up (then the run also pays JIT and first-query costs)
          --keep          keep the temporary folder and print its path
          --out DIR       where the markdown report goes (default bench/results of the repository)
        """;

    /// <summary>The issue's target: 270,000 call rows registered in under 10 s on SQLite.</summary>
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);

    private const int TargetRows = 270_000;
    private const int FloorRuns = 3;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        args.AllowOnly("rows", "agents", "format", "runs", "no-warmup", "keep", "out");
        var rows = args.Int("rows", TargetRows, 1, RecordingImporter.MaxRows);
        var agents = args.Int("agents", 20_000, 1, 200_000);
        var format = args.String("format", "csv")!.ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
        {
            throw new BenchUsageException($"--format must be csv or xlsx, not \"{format}\".");
        }

        var runCount = args.Int("runs", 1, 1, 20);
        var warmup = !args.Flag("no-warmup");
        var keep = args.Flag("keep");
        var resultsDir = Report.ResultsDirectory(args.String("out"));
        var work = Path.Combine(Path.GetTempPath(), "agentpath-bench", $"recordings-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        Console.WriteLine($"Call registration benchmark: {rows:N0} rows ({format}), {agents:N0} agents, {runCount} run(s), warm-up {(warmup ? "on" : "off")}");
        Console.WriteLine(Report.Environment());
        var loadBefore = Report.LoadAverage();
        try
        {
            if (warmup)
            {
                await using var probe = await PrepareAsync("recordings-warmup", 500, keep);
                for (var round = 1; round <= 3; round++)
                {
                    var small = Generate(5_000, probe.Numbers, $"W{round}", seed: round);
                    var run = await RegisterAsync(probe.App, Write(work, "warmup", format, small), format, small.Count);
                    if (run.Failures.Count > 0)
                    {
                        throw new InvalidOperationException("Warm-up failed: " + string.Join("; ", run.Failures));
                    }

                    RunFloor(work, small);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }

                Console.WriteLine("Warm-up done (3 rounds of 5,000 rows, untimed).");
            }

            var runs = new List<Run>();
            List<Call>? data = null;
            string? file = null;
            for (var i = 1; i <= runCount; i++)
            {
                var sw = Stopwatch.StartNew();
                await using var prepared = await PrepareAsync("recordings", agents, keep);
                Console.WriteLine($"Seeded a database with {prepared.Numbers.Count:N0} agents in {Report.Seconds(sw.Elapsed)} s.");
                if (data is null)
                {
                    data = Generate(rows, prepared.Numbers, "C", seed: 20261127);
                    sw.Restart();
                    file = Write(work, "calls", format, data);
                    Console.WriteLine($"Generated {Path.GetFileName(file)} ({Report.MiB(new FileInfo(file).Length)}) in {Report.Seconds(sw.Elapsed)} s.");
                }

                var run = await RegisterAsync(prepared.App, file!, format, rows) with { Number = i };
                runs.Add(run);
                Console.WriteLine($"run {i}: registered in {Report.Seconds(run.Wall)} s (CPU {Report.Seconds(run.Cpu)} s), checks {(run.Failures.Count == 0 ? "passed" : "FAILED: " + string.Join("; ", run.Failures))}");
            }

            var floors = Enumerable.Range(0, FloorRuns).Select(_ => RunFloor(work, data!)).Order().ToList();
            var floor = floors[FloorRuns / 2];
            var parse = TimeParse(file!, format, data!);
            var loadAfter = Report.LoadAverage();
            var table = new ReportTable("run", "rows", "file", "register s", "rows/s", "floor s", "ratio", "CPU s", "alloc", "< 10 s");
            var scaled = Target * ((double)rows / TargetRows);
            void Add(string label, Run r) => table.Add(label, Report.Number(rows), Report.MiB(r.FileBytes), Report.Seconds(r.Wall), Report.Number(rows / r.Wall.TotalSeconds),
                Report.Seconds(floor), Report.Number(r.Wall / floor, "0.0") + "×", Report.Seconds(r.Cpu), Report.MiB(r.Allocated), r.Wall < scaled ? "yes" : "NO");
            foreach (var r in runs)
            {
                Add(runCount == 1 ? format : $"{format} #{r.Number}", r);
            }

            if (runCount > 1)
            {
                var sorted = runs.OrderBy(r => r.Wall).ToList();
                Add($"{format} median", sorted[sorted.Count / 2]);
            }

            var failures = runs.SelectMany(r => r.Failures).ToList();
            var text = new StringBuilder()
                .AppendLine()
                .Append(table.ToText())
                .AppendLine($"Floor (raw ADO.NET, plain table, one transaction, median of {FloorRuns}): {string.Join(" / ", floors.Select(Report.Seconds))} s.")
                .AppendLine($"Parse and check without the database: {Report.Seconds(parse)} s.")
                .AppendLine($"Load average (1/5/15 min) before: {loadBefore}, after: {loadAfter} on {System.Environment.ProcessorCount} CPUs.")
                .AppendLine(failures.Count == 0 ? $"Checks passed: each run added exactly {rows:N0} recordings and one audited import." : "CHECKS FAILED: " + string.Join("; ", failures))
                .ToString();
            Console.Write(text);

            var path = Report.NewResultFile(resultsDir, $"recordings-{DateTime.Now:yyyy-MM-dd}");
            var md = new StringBuilder()
                .AppendLine($"# Call registration benchmark — {DateTime.Now:yyyy-MM-dd HH:mm}")
                .AppendLine()
                .AppendLine($"- Command: `dotnet run -c Release --project bench/AgentPath.Bench -- recordings --rows {rows} --agents {agents} --format {format}{(runCount > 1 ? $" --runs {runCount}" : "")}{(warmup ? "" : " --no-warmup")}`")
                .AppendLine($"- Machine: {Report.Environment()}")
                .AppendLine($"- Load average (1/5/15 min): before {loadBefore}, after {loadAfter}.")
                .AppendLine($"- {rows:N0} generated call rows for {agents:N0} agents added to the demo org, one day of calls; each run on a fresh SQLite database (WAL, synchronous=FULL).")
                .AppendLine("- register = RecordingImporter.RegisterAsync, what POST /api/v1/recordings/imports runs: store the upload in the file store, parse, check every row (people, duplicates, formulas, times, types, paths, calls already registered), insert all rows with one prepared statement and the import's audit row in one transaction.")
                .AppendLine("- floor = raw ADO.NET, one prepared INSERT per row of the same columns into a plain table (no indexes), one transaction; ratio = register / floor.")
                .AppendLine($"- Target (issue 4): {TargetRows:N0} rows registered in under {Target.TotalSeconds:0} s on SQLite" + (rows == TargetRows ? "." : $" (scaled to {rows:N0} rows in the last column)."))
                .AppendLine()
                .Append(table.ToMarkdown())
                .AppendLine()
                .AppendLine($"Floor runs: {string.Join(" / ", floors.Select(Report.Seconds))} s. Parse and check without the database: {Report.Seconds(parse)} s.")
                .AppendLine()
                .AppendLine(failures.Count == 0 ? $"Checks passed: each run added exactly {rows:N0} recordings and one audited import row." : "**Checks failed:** " + string.Join("; ", failures));
            await File.WriteAllTextAsync(path, md.ToString());
            Console.WriteLine($"Report written to {path}");
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (!keep)
            {
                BenchApp.TryDelete(work);
            }
        }
    }

    private sealed record Prepared(BenchApp App, List<string> Numbers) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>A seeded database with <paramref name="agents"/> more agents (untimed).</summary>
    private static async Task<Prepared> PrepareAsync(string name, int agents, bool keep)
    {
        var app = await BenchApp.CreateAsync(name, keep: keep);
        var numbers = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var teams = await db.Teams.Include(t => t.Department).ToListAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var list = new List<string>(agents);
            for (var i = 0; i < agents; i++)
            {
                var team = teams[i % teams.Count];
                var number = $"BA{i:D6}";
                db.Employees.Add(new Employee(number, "坐席" + i.ToString(CultureInfo.InvariantCulture), new DateOnly(2025, 1, 1), team.Department, team, Stage.Regular));
                list.Add(number);
            }

            await db.SaveChangesAsync();
            return list;
        });
        return new Prepared(app, numbers);
    }

    private sealed record Call(string CallId, string Number, DateTime Start, int Duration, string Type, string Customer, string? Path);

    private static readonly string[] Types = ["咨询", "咨询", "咨询", "回访", "回访", "销售", "Inbound", "Callback"];

    private static List<Call> Generate(int count, IReadOnlyList<string> numbers, string prefix, int seed)
    {
        var rng = new Random(seed);
        var day = DateTime.SpecifyKind(DateTime.Today.AddDays(-1), DateTimeKind.Unspecified);
        var calls = new List<Call>(count);
        for (var i = 1; i <= count; i++)
        {
            var start = day.AddSeconds(rng.Next(8 * 3600, 22 * 3600));
            var id = $"{prefix}{day:yyyyMMdd}{i:D7}";
            calls.Add(new Call(id, numbers[rng.Next(numbers.Count)], start, rng.Next(15, 900), Types[rng.Next(Types.Length)],
                "K-" + rng.Next(100000, 999999).ToString(CultureInfo.InvariantCulture), rng.Next(2) == 0 ? $"/a3/{day:yyyy/MM/dd}/{id}.wav" : null));
        }

        return calls;
    }

    private static string Write(string dir, string name, string format, List<Call> calls)
    {
        var path = Path.Combine(dir, $"{name}-{calls.Count}-{Guid.NewGuid().ToString("N")[..8]}.{format}");
        if (format == "xlsx")
        {
            MiniExcel.SaveAs(path, calls.Select(c => new Dictionary<string, object?>
            {
                ["通话编号"] = c.CallId, ["工号"] = c.Number, ["开始时间"] = c.Start, ["时长(秒)"] = c.Duration, ["类型"] = c.Type, ["客户"] = c.Customer, ["录音文件"] = c.Path,
            }), excelType: ExcelType.XLSX);
            return path;
        }

        using var w = new StreamWriter(path, false, new UTF8Encoding(true)) { NewLine = "\r\n" };
        w.WriteLine("通话编号,工号,开始时间,时长(秒),类型,客户,备注,录音文件");
        foreach (var c in calls)
        {
            w.WriteLine(string.Join(",", c.CallId, c.Number, c.Start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), c.Duration.ToString(CultureInfo.InvariantCulture), c.Type, c.Customer, "", c.Path ?? ""));
        }

        return path;
    }

    private sealed record Run(long FileBytes, TimeSpan Wall, TimeSpan Cpu, long Allocated, List<string> Failures)
    {
        public int Number { get; init; } = 1;
    }

    /// <summary>One registration, timed, in its own scope (one request); then the database is checked.</summary>
    private static async Task<Run> RegisterAsync(BenchApp app, string file, string format, int rows)
    {
        var (before, importsBefore, userId) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Recordings.CountAsync(), await db.AuditEntries.CountAsync(a => a.Entity == nameof(RecordingImport)),
                await db.Users.Where(u => u.UserName == "qa").Select(u => u.Id).FirstAsync());
        });
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Report.CpuTime();
        var sw = Stopwatch.StartNew();
        var result = await app.InScopeAsync(async sp =>
        {
            await using var stream = File.OpenRead(file);
            return await sp.GetRequiredService<RecordingImporter>().RegisterAsync(stream, "calls." + format, userId, "bench");
        });
        sw.Stop();
        var cpuUsed = Report.CpuTime() - cpu;
        var alloc = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var failures = new List<string>();
        if (result.Problems.Count > 0)
        {
            failures.Add($"{result.Problems.Count + result.MoreProblems} problems, first: line {result.Problems[0].Line} {result.Problems[0].Message}");
        }

        var (after, importsAfter) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Recordings.CountAsync(), await db.AuditEntries.CountAsync(a => a.Entity == nameof(RecordingImport)));
        });
        if (after - before != rows)
        {
            failures.Add($"{after - before} recordings added, expected {rows}");
        }

        if (importsAfter - importsBefore is < 1 or > 2)
        {
            failures.Add($"{importsAfter - importsBefore} import audit rows");
        }

        return new Run(new FileInfo(file).Length, sw.Elapsed, cpuUsed, alloc, failures);
    }

    private static TimeSpan TimeParse(string file, string format, List<Call> calls)
    {
        var people = calls.Select(c => c.Number).Distinct().Select((n, i) => (n, i + 1)).ToDictionary(x => x.n, x => x.Item2, StringComparer.OrdinalIgnoreCase);
        var sw = Stopwatch.StartNew();
        using var stream = File.OpenRead(file);
        var (rows, problems, _, _) = RecordingImporter.Parse(stream, format, people, DateTimeOffset.UtcNow);
        sw.Stop();
        return problems.Count == 0 && rows.Count == calls.Count ? sw.Elapsed : throw new InvalidOperationException("The generated file does not parse cleanly.");
    }

    /// <summary>Raw ADO.NET on a fresh file: WAL, synchronous=FULL, one transaction, one prepared INSERT per row into a plain table.</summary>
    private static TimeSpan RunFloor(string dir, List<Call> calls)
    {
        var path = Path.Combine(dir, $"floor-{Guid.NewGuid():N}.db");
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        conn.Open();
        using (var setup = conn.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE Calls (Id INTEGER PRIMARY KEY, CallId TEXT, EmployeeId INTEGER, StartedAt INTEGER, DurationSeconds INTEGER, CallType TEXT, CustomerRef TEXT, SourcePath TEXT);";
            setup.ExecuteNonQuery();
        }

        var ids = calls.Select(c => c.Number).Distinct().Select((n, i) => (n, i + 1)).ToDictionary(x => x.n, x => x.Item2);
        var sw = Stopwatch.StartNew();
        using (var tx = conn.BeginTransaction())
        {
            using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO Calls (CallId, EmployeeId, StartedAt, DurationSeconds, CallType, CustomerRef, SourcePath) VALUES ($c, $e, $s, $d, $t, $k, $p)";
            var p = new[] { "$c", "$e", "$s", "$d", "$t", "$k", "$p" }.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            cmd.Prepare();
            foreach (var c in calls)
            {
                p[0].Value = c.CallId;
                p[1].Value = ids[c.Number];
                p[2].Value = new DateTimeOffset(DateTime.SpecifyKind(c.Start, DateTimeKind.Unspecified), TimeSpan.FromHours(8)).UtcTicks;
                p[3].Value = c.Duration;
                p[4].Value = c.Type;
                p[5].Value = c.Customer;
                p[6].Value = (object?)c.Path ?? DBNull.Value;
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }

        sw.Stop();
        conn.Close();
        return sw.Elapsed;
    }
}
