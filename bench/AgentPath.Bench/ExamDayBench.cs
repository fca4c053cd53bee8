using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using AgentPath.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgentPath.Bench;

/// <summary>
/// Exam day (issue 3): the real app on Kestrel (loopback, this process), N simulated agents that each start an attempt,
/// load it, save their answers and submit, a quarter of them in the same second; latency of every step from its due
/// time; then every acknowledged save is looked up in the database and every attempt must be graded. The floor is a
/// bare endpoint in the same process doing one raw ADO.NET UPDATE of the same answer row, driven with the same saves.
/// </summary>
public static class ExamDayBench
{
    public const string Usage = """
        examday [--agents N] [--db sqlite|postgres] [--pg CONNSTRING] [--save-interval S] [--saves K] [--ramp S] [--burst F]
                [--connections C] [--timeout S] [--capacity-workers W] [--capacity-saves M] [--no-floor] [--no-capacity]
                [--no-warmup] [--workstation-gc] [--min-threads T] [--sql-stats] [--keep] [--out DIR]
          --agents N            simulated agents, one account and one attempt each (default 2000)
          --db D                sqlite (default: a fresh file in a temporary folder) or postgres (a fresh database in the --pg cluster)
          --pg CS               PostgreSQL connection string of a database to connect to for CREATE DATABASE (default: $AGENTPATH_BENCH_PG);
                                bench/pg-start.sh starts a throwaway cluster and prints one
          --save-interval S     seconds between one agent's saves (default 2; real agents take several seconds per question)
          --saves K             answer saves per agent (default 50: each of the 40 questions once, then 10 changed answers)
          --ramp S              the agents start over this many seconds (default 60) ...
          --burst F             ... except this share of them, who all start in the first second (default 0.25)
          --connections C       HTTP connections the driver may open to the server (default 256)
          --timeout S           a request not answered within S seconds is an error (default 30)
          --capacity-workers W  closed-loop senders in the capacity phases (default 64)
          --capacity-saves M    saves per capacity phase (default agents × saves)
          --no-floor            skip the floor phases (then there are no ratios)
          --no-capacity         skip both capacity phases
          --no-warmup           skip the untimed warm-up (then the exam day also pays JIT and first-query costs)
          --workstation-gc      run with this project's workstation GC instead of restarting with Server GC as AgentPath.Web runs
          --min-threads T       diagnostic: ThreadPool.SetMinThreads(T, T) before the app starts (AgentPath.Web does not set it)
          --sql-stats           diagnostic: log EF Core's executed commands during the exam day and report the costliest SQL (adds logging overhead)
          --keep                keep the temporary folder (SQLite database) or the PostgreSQL database
          --out DIR             where the markdown report goes (default bench/results of the repository)
        """;

    private const int DefaultAgents = 2000;
    private const int WarmupAgents = 100;
    private const int WarmupRounds = 3;
    private const long FloorPacedSeqBase = 50;
    private const long CapacitySeqBase = 100;
    private static readonly TimeSpan WarmupPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SettlePause = TimeSpan.FromSeconds(3);

    // Targets of issue 3 (2-core machine, driver on it too).
    private const double TargetThroughputRatio = 0.5;
    private const double TargetSaveP99Ms = 200;
    private const double TargetSubmitP99Ms = 1000;

    private sealed record Options(int Agents, DatabaseProvider Db, string? Pg, TimeSpan Interval, int Saves, double Ramp, double Burst, int Connections,
        TimeSpan Timeout, int CapacityWorkers, int CapacitySaves, bool Floor, bool Capacity, bool Warmup, bool Keep, string ResultsDir, string CommandLine,
        int MinThreads, bool SqlStats)
    {
        /// <summary>git HEAD and src/ changes when the run started (dotnet run builds just before).</summary>
        public string Source { get; } = SourceVersion();
    }

    private sealed record Phase(string Name, IReadOnlyList<StepStats> Steps, PhaseResources Resources, StepStats TimerLag, long Saves, IReadOnlyList<string> ServerLog);

    private sealed record Verification(int Checked, int Lost, IReadOnlyList<string> Examples);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        args.AllowOnly("agents", "db", "pg", "save-interval", "saves", "ramp", "burst", "connections", "timeout", "capacity-workers", "capacity-saves",
            "no-floor", "no-capacity", "no-warmup", "workstation-gc", "min-threads", "sql-stats", "keep", "out");
        var agentsCount = args.Int("agents", DefaultAgents, 1, 100_000);
        var saves = args.Int("saves", 50, 1, 1000);
        var db = args.String("db", "sqlite")!.ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "pg" => DatabaseProvider.Postgres,
            var d => throw new BenchUsageException($"--db must be sqlite or postgres, not \"{d}\"."),
        };
        var pg = args.String("pg") ?? Environment.GetEnvironmentVariable("AGENTPATH_BENCH_PG");
        if (db == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(pg))
        {
            throw new BenchUsageException("--db postgres needs --pg \"Host=…;Port=…;Username=…;Database=…\" (or AGENTPATH_BENCH_PG); bench/pg-start.sh starts a throwaway cluster.");
        }

        var o = new Options(agentsCount, db, pg, TimeSpan.FromSeconds(args.Double("save-interval", 2, 0.01, 600)), saves,
            args.Double("ramp", 60, 1, 3600), args.Double("burst", 0.25, 0, 1), args.Int("connections", 256, 1, 10_000),
            TimeSpan.FromSeconds(args.Double("timeout", 30, 1, 3600)), args.Int("capacity-workers", 64, 1, 4096),
            args.Int("capacity-saves", agentsCount * saves, 1, int.MaxValue), !args.Flag("no-floor"), !args.Flag("no-capacity"), !args.Flag("no-warmup"),
            args.Flag("keep"), Report.ResultsDirectory(args.String("out")), string.Join(' ', BenchProgram.CommandLine.Select(a => a.Any(c => char.IsWhiteSpace(c) || c is ';' or '"' or '&' or '|') ? $"\"{a}\"" : a)),
            args.Int("min-threads", 0, 0, 32767), args.Flag("sql-stats"));

        // AgentPath.Web runs with Server GC (the Web SDK's default); this console project's runtimeconfig says workstation.
        if (!GCSettings.IsServerGC && !args.Flag("workstation-gc") && Environment.GetEnvironmentVariable("DOTNET_gcServer") is null)
        {
            return await RestartWithServerGcAsync();
        }

        if (o.MinThreads > 0)
        {
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, o.MinThreads), Math.Max(io, o.MinThreads));
        }

        return await RunAsync(o);
    }

    private static async Task<int> RestartWithServerGcAsync()
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            psi.ArgumentList.Add(typeof(ExamDayBench).Assembly.Location);
        }

        foreach (var a in BenchProgram.CommandLine)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_gcServer"] = "1";
        Console.WriteLine("Restarting with Server GC (DOTNET_gcServer=1), as AgentPath.Web runs; --workstation-gc to stay.");
        using var child = Process.Start(psi) ?? throw new InvalidOperationException("Could not restart the benchmark.");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static async Task<int> RunAsync(Options o)
    {
        var root = Path.Combine(Path.GetTempPath(), "agentpath-bench", $"examday-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        string? pgDatabase = null;
        string connectionString;
        if (o.Db == DatabaseProvider.Postgres)
        {
            pgDatabase = "agentpath_bench_" + Guid.NewGuid().ToString("N")[..12];
            await ExecutePostgresAsync(o.Pg!, $"CREATE DATABASE \"{pgDatabase}\" ENCODING 'UTF8' TEMPLATE template0");
            connectionString = new NpgsqlConnectionStringBuilder(o.Pg) { Database = pgDatabase }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(root, "data", "agentpath.db")}";
            Directory.CreateDirectory(Path.Combine(root, "data"));
        }

        Console.WriteLine($"Exam-day benchmark: {o.Agents:N0} agents × {o.Saves} saves every {o.Interval.TotalSeconds:0.###} s, {o.Burst:P0} starting in the first second, "
            + $"the rest over {o.Ramp:0} s; {o.Db}{(pgDatabase is null ? "" : $" (database {pgDatabase})")}");
        Console.WriteLine(Report.Environment() + ThreadPoolNote());
        var loadBefore = Report.LoadAverage();
        try
        {
            return await RunOnHostAsync(o, connectionString, root, loadBefore);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (pgDatabase is not null && !o.Keep)
            {
                await ExecutePostgresAsync(o.Pg!, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
            }

            if (!o.Keep)
            {
                BenchApp.TryDelete(root);
            }
            else
            {
                Console.WriteLine(pgDatabase is null ? $"Kept {root}" : $"Kept database {pgDatabase} and {root}");
            }
        }
    }

    private static async Task ExecutePostgresAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<int> RunOnHostAsync(Options o, string connectionString, string root, string loadBefore)
    {
        var sw = Stopwatch.StartNew();
        await using var host = new ExamDayHost(o.Db, connectionString, Path.Combine(root, "files"), o.SqlStats);
        var baseAddress = host.Start();
        Console.WriteLine($"AgentPath started at {baseAddress} in {Report.Seconds(sw.Elapsed)} s (Release build: {IsRelease}, Server GC: {GCSettings.IsServerGC}).");

        // ---- Set-up (untimed) ----
        sw.Restart();
        var agents = await ExamDayData.CreateAgentsAsync(host.Services, o.Agents, parallel: o.Db == DatabaseProvider.Postgres ? 8 : 4);
        var accountsTime = sw.Elapsed;
        var exams = await ExamDayData.CreateExamsAsync(host.Services, agents[0].EmployeeId);
        using var driver = new ExamDayDriver(baseAddress, o.Connections, o.Timeout);
        sw.Restart();
        await SignInAsync(driver, agents);
        Console.WriteLine($"Set-up: {o.Agents:N0} employees and accounts in {Report.Seconds(accountsTime)} s, a bank of {ExamDayData.BankSize} questions, a paper of "
            + $"{exams.PaperQuestions.Count}, 4 exams; "
            + $"{o.Agents:N0} tokens (POST /api/v1/auth/token) in {Report.Seconds(sw.Elapsed)} s.");

        var floorLog = new ConcurrentQueue<SaveRecord>();
        var capacityLog = new ConcurrentQueue<SaveRecord>();
        var warmupNotes = new List<string>();
        if (o.Warmup)
        {
            sw.Restart();
            var warmupLog = host.Log.Snapshot();
            await WarmUpAsync(o, host.Services, driver, agents, exams, floorLog, capacityLog, warmupNotes);
            warmupNotes.AddRange(host.Log.Since(warmupLog).Select(l => "Server log during the warm-up: " + l));
            Console.WriteLine($"Warm-up done in {Report.Seconds(sw.Elapsed)} s ({WarmupRounds} rounds of {Math.Min(WarmupAgents, o.Agents)} agents: exam day at 50 ms per save, "
                + "and capacity saves to the app and the floor; untimed)." + (warmupNotes.Count > 0 ? " " + string.Join(" ", warmupNotes) : ""));
        }

        var phases = new List<Phase>();

        // ---- The exam day ----
        await SettleAsync();
        var t0 = Clock.Now + Clock.Ticks(TimeSpan.FromSeconds(1));
        var day = new ExamDayDriver.DaySteps(new Timeline(t0, 10));
        driver.ResetTimerLag();
        Console.WriteLine($"Exam day: {o.Agents:N0} agents, {o.Agents * (long)o.Saves:N0} saves …");
        PhaseResources dayResources;
        var logBefore = host.Log.Snapshot();
        host.Log.ResetSql();
        await using (var meter = new PhaseMeter(day.Timeline))
        await using (Progress(() => $"  {day.Start.Ok:N0} started, {day.Save.Ok:N0} saves acknowledged, {day.Submit.Ok:N0} submitted, "
            + $"{day.All.Sum(s => s.Errors):N0} errors"))
        {
            await driver.RunDayAsync(agents, exams.Day, Schedule(o, t0), o.Saves, o.Interval, day);
            dayResources = await meter.StopAsync();
        }

        phases.Add(new Phase("exam day (app)", [.. day.All], dayResources, driver.TimerLag, day.Save.Ok + day.Save.Errors, host.Log.Since(logBefore)));
        var sqlStats = host.Log.Sql.OrderByDescending(q => q.Value.TotalMs).Take(15)
            .Select(q => (Sql: q.Key, q.Value.Count, q.Value.TotalMs, q.Value.MaxMs)).ToList();
        host.Log.CollectSql = false;
        sw.Restart();
        var dayCheck = await VerifySavesAsync(host.Services, day.Saves);
        var (graded, submitted, started) = await VerifyGradedAsync(host.Services, day.Attempts.Where(id => id != 0).ToList());
        Console.WriteLine($"Exam day done in {Report.Seconds(dayResources.Wall)} s; checked {dayCheck.Checked:N0} answers in {Report.Seconds(sw.Elapsed)} s. lost answers: {dayCheck.Lost}");

        // Attempts for the floor and capacity phases, inserted directly (untimed).
        sw.Restart();
        var floorAttempts = o.Floor ? await ExamDayData.CreateAttemptsAsync(host.Services, exams.Floor, agents) : new long[agents.Count];
        var capacityAttempts = o.Capacity ? await ExamDayData.CreateAttemptsAsync(host.Services, exams.Capacity, agents) : new long[agents.Count];
        foreach (var a in agents)
        {
            a.FloorAttemptId = floorAttempts[a.Index];
            a.CapacityAttemptId = capacityAttempts[a.Index];
        }

        if (o.Floor || o.Capacity)
        {
            Console.WriteLine($"Inserted {(o.Floor ? agents.Count : 0) + (o.Capacity ? agents.Count : 0):N0} attempts for the floor and capacity phases in {Report.Seconds(sw.Elapsed)} s.");
        }

        // ---- The floor, same saves and schedule ----
        StepStats? floorPaced = null;
        if (o.Floor)
        {
            await SettleAsync();
            var floorSteps = new ExamDayDriver.DaySteps(null);
            var plans = agents.Select(a => ExamDayData.Plan(exams.PaperQuestions, o.Saves, new Random((a.Index * 7919) + 1), FloorPacedSeqBase)).ToList();
            t0 = Clock.Now + Clock.Ticks(TimeSpan.FromSeconds(1));
            driver.ResetTimerLag();
            Console.WriteLine($"Floor, paced like the exam day: {o.Agents * (long)o.Saves:N0} saves …");
            PhaseResources res;
            logBefore = host.Log.Snapshot();
            await using (var meter = new PhaseMeter())
            await using (Progress(() => $"  {floorSteps.Save.Ok:N0} saves acknowledged, {floorSteps.Save.Errors:N0} errors"))
            {
                await driver.RunFloorPacedAsync(agents, a => a.FloorAttemptId, a => plans[a.Index], Schedule(o, t0), o.Interval, floorSteps);
                res = await meter.StopAsync();
            }

            foreach (var r in floorSteps.Saves)
            {
                floorLog.Enqueue(r);
            }

            floorPaced = floorSteps.Save;
            phases.Add(new Phase("floor, paced", [floorSteps.Save], res, driver.TimerLag, floorSteps.Save.Ok + floorSteps.Save.Errors, host.Log.Since(logBefore)));
        }

        // ---- Capacity: as fast as the server answers ----
        StepStats? appCapacity = null, floorCapacity = null;
        if (o.Capacity)
        {
            var plans = agents.Select(a => ExamDayData.Plan(exams.PaperQuestions, o.Saves, new Random((a.Index * 7919) + 2), CapacitySeqBase)).ToList();
            appCapacity = await CapacityPhaseAsync("capacity, app", host, driver, agents, a => a.CapacityAttemptId, plans, o, ExamDayDriver.AppAnswerUrl, capacityLog, phases);
            if (o.Floor)
            {
                floorCapacity = await CapacityPhaseAsync("capacity, floor", host, driver, agents, a => a.FloorAttemptId, plans, o, ExamDayDriver.FloorAnswerUrl, floorLog, phases);
            }
        }

        var capacityCheck = o.Capacity ? await VerifySavesAsync(host.Services, capacityLog) : null;
        var floorCheck = o.Floor ? await VerifySavesAsync(host.Services, floorLog) : null;
        var loadAfter = Report.LoadAverage();

        // ---- Report ----
        var latency = new ReportTable("phase", "step", "ok", "errors", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var p in phases)
        {
            foreach (var s in p.Steps)
            {
                latency.Add(p.Name, s.Name, Report.Number(s.Ok), Report.Number(s.Errors), Report.Number(s.PerSecond, "N1"),
                    Ms(s.Ms(50)), Ms(s.Ms(95)), Ms(s.Ms(99)), Ms(s.MaxMs));
            }

            var lag = p.TimerLag;
            if (lag.Ok > 0)
            {
                latency.Add(p.Name, "(timer lag)", Report.Number(lag.Ok), "-", "-", Ms(lag.Ms(50)), Ms(lag.Ms(95)), Ms(lag.Ms(99)), Ms(lag.MaxMs));
            }
        }

        var resources = new ReportTable("phase", "wall s", "CPU s", "CPU %", "CPU ms/save", "alloc/save", "peak RSS", "peak heap", "pool threads", "queued items", "GC 0/1/2");
        foreach (var p in phases)
        {
            var r = p.Resources;
            resources.Add(p.Name, Report.Seconds(r.Wall), Report.Seconds(r.Cpu), Report.Number(r.CpuPercent, "N0"),
                Report.Number(r.Cpu.TotalMilliseconds / Math.Max(1, p.Saves), "N2"), Report.Number(r.AllocatedBytes / 1024.0 / Math.Max(1, p.Saves), "N1") + " KiB",
                Report.MiB(r.PeakRss), Report.MiB(r.PeakManagedHeap), Report.Number(r.PeakThreads), Report.Number(r.PeakQueue), $"{r.Gen0}/{r.Gen1}/{r.Gen2}");
        }

        var targets = new ReportTable("target", "measured", "met");
        var errors = day.All.Sum(s => s.Errors);
        if (appCapacity is not null && floorCapacity is not null)
        {
            var ratio = appCapacity.PerSecond / floorCapacity.PerSecond;
            targets.Add($"save throughput ≥ {TargetThroughputRatio}× floor (capacity)", $"{appCapacity.PerSecond:N0} / {floorCapacity.PerSecond:N0} saves/s = {ratio:0.00}×",
                YesNo(ratio >= TargetThroughputRatio));
        }

        targets.Add($"p99 save < {TargetSaveP99Ms:0} ms (exam day)", Ms(day.Save.Ms(99)) + " ms", YesNo(day.Save.Ok > 0 && day.Save.Ms(99) < TargetSaveP99Ms));
        targets.Add($"p99 submit < {TargetSubmitP99Ms:0} ms (exam day)", Ms(day.Submit.Ms(99)) + " ms", YesNo(day.Submit.Ok > 0 && day.Submit.Ms(99) < TargetSubmitP99Ms));
        targets.Add("no errors (exam day)", Report.Number(errors), YesNo(errors == 0));
        targets.Add("0 lost answers (exam day)", Report.Number(dayCheck.Lost), YesNo(dayCheck.Lost == 0));
        targets.Add("every attempt graded", $"{graded:N0} of {started:N0} started ({submitted:N0} submitted; {o.Agents:N0} agents)", YesNo(graded == o.Agents && started == o.Agents));

        var errorKinds = phases.SelectMany(p => p.Steps.Where(st => st.Errors > 0).Select(st => $"{p.Name} {st.Name}: {st.ErrorText}")).ToList();
        var ratios = new List<string>();
        if (floorPaced is not null)
        {
            ratios.Add($"paced (same schedule): save throughput app/floor = {day.Save.PerSecond:N1} / {floorPaced.PerSecond:N1} = {Ratio(day.Save.PerSecond, floorPaced.PerSecond)}; "
                + $"p99 app/floor = {Ms(day.Save.Ms(99))} / {Ms(floorPaced.Ms(99))} ms = {Ratio(day.Save.Ms(99), floorPaced.Ms(99))}");
        }

        if (appCapacity is not null && floorCapacity is not null)
        {
            ratios.Add($"capacity ({o.CapacityWorkers} closed-loop senders): save throughput app/floor = {appCapacity.PerSecond:N0} / {floorCapacity.PerSecond:N0} = "
                + $"{Ratio(appCapacity.PerSecond, floorCapacity.PerSecond)}; p99 app/floor = {Ms(appCapacity.Ms(99))} / {Ms(floorCapacity.Ms(99))} ms = {Ratio(appCapacity.Ms(99), floorCapacity.Ms(99))}");
        }

        var checks = new List<string>
        {
            "errors: " + (errorKinds.Count == 0 ? "none" : string.Join("; ", errorKinds)),
            $"lost answers: {dayCheck.Lost}",
            $"exam day: {dayCheck.Checked:N0} (attempt, question) pairs with an acknowledged save checked against AttemptItems; {dayCheck.Lost} lost"
                + (dayCheck.Examples.Count > 0 ? ": " + string.Join("; ", dayCheck.Examples) : ""),
            $"exam day: {started:N0} attempts started, {submitted:N0} submitted, {graded:N0} with an AttemptResults row",
        };
        if (capacityCheck is not null)
        {
            checks.Add($"capacity (app): {capacityCheck.Checked:N0} pairs checked, {capacityCheck.Lost} lost" + (capacityCheck.Examples.Count > 0 ? ": " + string.Join("; ", capacityCheck.Examples) : ""));
        }

        if (floorCheck is not null)
        {
            checks.Add($"floor: {floorCheck.Checked:N0} pairs checked, {floorCheck.Lost} lost" + (floorCheck.Examples.Count > 0 ? ": " + string.Join("; ", floorCheck.Examples) : ""));
        }

        var serverLog = phases.SelectMany(p => p.ServerLog.Select(l => $"{p.Name}: {l}")).ToList();
        if (serverLog.Count == 0)
        {
            serverLog.Add("nothing at Warning or above during the timed phases");
        }

        var text = new StringBuilder()
            .AppendLine()
            .Append(latency.ToText())
            .AppendLine()
            .Append(resources.ToText())
            .AppendLine()
            .AppendLine(string.Join(Environment.NewLine, ratios))
            .AppendLine()
            .Append(targets.ToText())
            .AppendLine()
            .AppendLine(string.Join(Environment.NewLine, checks))
            .AppendLine("Server log: " + string.Join(Environment.NewLine + "  ", serverLog))
            .AppendLine($"Load average (1/5/15 min) before: {loadBefore}, after: {loadAfter} on {Environment.ProcessorCount} CPUs.")
            .ToString();
        Console.Write(text);

        if (sqlStats.Count > 0)
        {
            Console.WriteLine("Costliest SQL of the exam day (EF Core's elapsed time, which includes waiting for SQLite's lock):");
            foreach (var q in sqlStats)
            {
                Console.WriteLine($"  {q.Count,7:N0}× total {q.TotalMs / 1000,8:N1} s, mean {q.TotalMs / q.Count,7:N1} ms, max {q.MaxMs,7:N0} ms: {OneLine(q.Sql, 300)}");
            }
        }

        var path = WriteMarkdown(o, latency, resources, targets, ratios, checks, serverLog, sqlStats, day.Timeline!, warmupNotes, $"before {loadBefore}, after {loadAfter}");
        Console.WriteLine($"Report written to {path}");

        var failed = dayCheck.Lost > 0 || (capacityCheck?.Lost ?? 0) > 0 || (floorCheck?.Lost ?? 0) > 0 || graded != o.Agents || errors > 0;
        return failed ? 1 : 0;
    }

    /// <summary>The commit the app was built from, and whether src/ had uncommitted changes (git, when available).</summary>
    private static string SourceVersion()
    {
        static string Git(string args)
        {
            try
            {
                var psi = new ProcessStartInfo("git", args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                psi.WorkingDirectory = Path.GetDirectoryName(Report.ResultsDirectory(null)) ?? ".";
                using var p = Process.Start(psi);
                if (p is null)
                {
                    return "";
                }

                var output = p.StandardOutput.ReadToEnd().Trim();
                p.WaitForExit();
                return p.ExitCode == 0 ? output : "";
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "";
            }
        }

        var commit = Git("log -1 --format=%h");
        if (commit.Length == 0)
        {
            return "unknown (no git)";
        }

        var changed = Git("status --porcelain -- src").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return $"commit {commit}" + (changed > 0 ? $"; src/ had {changed} uncommitted change(s) when the run started" : ", src/ clean when the run started");
    }

    private static string ThreadPoolNote()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return $", thread pool min {workers} threads";
    }

    private static bool IsRelease =>
#if DEBUG
        false;
#else
        true;
#endif

    private static string OneLine(string sql, int max)
    {
        var one = string.Join(' ', sql.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return one.Length > max ? one[..max] + "…" : one;
    }

    private static string Ms(double ms) => Report.Number(ms, ms < 10 ? "N2" : ms < 1000 ? "N1" : "N0");

    private static string Ratio(double a, double b) => b <= 0 ? "n/a" : (a / b).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static string YesNo(bool ok) => ok ? "yes" : "NO";

    private static Task SettleAsync()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return Task.Delay(SettlePause);
    }

    /// <summary>Due start times: <see cref="Options.Burst"/> of the agents at random in the first second, the rest at random over the ramp.</summary>
    private static long[] Schedule(Options o, long t0)
    {
        var rng = new Random(3);
        var burst = (int)Math.Round(o.Agents * o.Burst);
        var due = new long[o.Agents];
        for (var i = 0; i < o.Agents; i++)
        {
            var seconds = i < burst ? rng.NextDouble() : 1 + (rng.NextDouble() * Math.Max(0, o.Ramp - 1));
            due[i] = t0 + Clock.Ticks(TimeSpan.FromSeconds(seconds));
        }

        return due;
    }

    private static async Task SignInAsync(ExamDayDriver driver, IReadOnlyList<BenchAgent> agents)
    {
        await Parallel.ForEachAsync(agents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (a, _) =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { username = a.UserName, password = ExamDayData.Password });
            var r = await driver.SendAsync(HttpMethod.Post, "/api/v1/auth/token", null, body);
            if (r.Status != 200)
            {
                throw new InvalidOperationException($"POST /api/v1/auth/token for {a.UserName}: {r.Kind} {Encoding.UTF8.GetString(r.Body ?? [])}");
            }

            using var doc = JsonDocument.Parse(r.Body!);
            a.Token = doc.RootElement.GetProperty("accessToken").GetString()!;
        });
    }

    private static async Task WarmUpAsync(Options o, IServiceProvider services, ExamDayDriver driver, IReadOnlyList<BenchAgent> agents, ExamDayExams exams,
        ConcurrentQueue<SaveRecord> floorLog, ConcurrentQueue<SaveRecord> capacityLog, List<string> notes)
    {
        var some = agents.Take(Math.Min(WarmupAgents, agents.Count)).ToList();
        // Their own attempts (number 20 of the capacity and floor exams, never started through the API) for the capacity-style saves.
        var appAttempts = await ExamDayData.CreateAttemptsAsync(services, exams.Capacity, some, number: 20);
        var floorAttempts = await ExamDayData.CreateAttemptsAsync(services, exams.Floor, some, number: 20);
        foreach (var a in some)
        {
            a.WarmupAppAttemptId = appAttempts[a.Index];
            a.WarmupFloorAttemptId = floorAttempts[a.Index];
        }

        for (var round = 0; round < WarmupRounds; round++)
        {
            var steps = new ExamDayDriver.DaySteps(null);
            var t0 = Clock.Now;
            var due = some.Select(a => t0 + Clock.Ticks(TimeSpan.FromMilliseconds(a.Index * 5))).ToArray();
            await driver.RunDayAsync(some, exams.Warmup, due, 20, TimeSpan.FromMilliseconds(50), steps);
            var errors = steps.All.Where(s => s.Errors > 0).Select(s => $"{s.Name}: {s.ErrorText}").ToList();
            if (errors.Count > 0)
            {
                notes.Add($"Warm-up round {round + 1} had errors: {string.Join("; ", errors)}.");
            }

            var plans = some.Select(a => ExamDayData.Plan(exams.PaperQuestions, 10, new Random(a.Index + round), round * 10L)).ToList();
            if (o.Capacity)
            {
                await driver.RunCapacityAsync(some, a => a.WarmupAppAttemptId, plans, some.Count * 10, Math.Min(o.CapacityWorkers, some.Count),
                    ExamDayDriver.AppAnswerUrl, new StepStats("warm-up"), capacityLog);
            }

            if (o.Floor)
            {
                await driver.RunCapacityAsync(some, a => a.WarmupFloorAttemptId, plans, some.Count * 10, Math.Min(o.CapacityWorkers, some.Count),
                    ExamDayDriver.FloorAnswerUrl, new StepStats("warm-up"), floorLog);
            }

            await Task.Delay(WarmupPause);
        }
    }

    private static async Task<StepStats> CapacityPhaseAsync(string name, ExamDayHost host, ExamDayDriver driver, IReadOnlyList<BenchAgent> agents, Func<BenchAgent, long> attemptOf,
        IReadOnlyList<List<PlannedSave>> plans, Options o, Func<long, int, string> url, ConcurrentQueue<SaveRecord> log, List<Phase> phases)
    {
        await SettleAsync();
        var stats = new StepStats("save");
        driver.ResetTimerLag();
        Console.WriteLine($"{char.ToUpperInvariant(name[0])}{name[1..]}: {o.CapacitySaves:N0} saves by {o.CapacityWorkers} closed-loop senders …");
        PhaseResources res;
        var logBefore = host.Log.Snapshot();
        await using (var meter = new PhaseMeter())
        await using (Progress(() => $"  {stats.Ok:N0} saves acknowledged, {stats.Errors:N0} errors"))
        {
            await driver.RunCapacityAsync(agents, attemptOf, plans, o.CapacitySaves, o.CapacityWorkers, url, stats, log);
            res = await meter.StopAsync();
        }

        phases.Add(new Phase(name, [stats], res, driver.TimerLag, stats.Ok + stats.Errors, host.Log.Since(logBefore)));
        return stats;
    }

    /// <summary>Prints a progress line every 15 s until disposed.</summary>
    private static ProgressLine Progress(Func<string> line) => new(line);

    private sealed class ProgressLine : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _task;

        public ProgressLine(Func<string> line) => _task = RunAsync(line);

        private async Task RunAsync(Func<string> line)
        {
            var sw = Stopwatch.StartNew();
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(15), _stop.Token);
                    Console.WriteLine($"{sw.Elapsed.TotalSeconds,5:0} s {line()}");
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _task;
            _stop.Dispose();
        }
    }

    /// <summary>
    /// For every (attempt, question) with an acknowledged save: the stored Seq must be at least the highest acknowledged
    /// one; if equal, the stored response must be the acknowledged one; if higher, it must be a save that was sent
    /// (acknowledged or not, e.g. timed out). Anything else is a lost answer.
    /// </summary>
    private static async Task<Verification> VerifySavesAsync(IServiceProvider services, IEnumerable<SaveRecord> log)
    {
        var all = log.ToList();
        var acked = all.Where(r => r.Acked).GroupBy(r => (r.AttemptId, r.QuestionId)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Seq)!);
        var sent = all.GroupBy(r => (r.AttemptId, r.QuestionId, r.Seq)).ToDictionary(g => g.Key, g => g.Select(r => r.Response).ToHashSet(StringComparer.Ordinal));
        var stored = new Dictionary<(long, int), (long Seq, string? Response)>();
        var ids = acked.Keys.Select(k => k.AttemptId).Distinct().Order().ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.AttemptItems.AsNoTracking().Where(i => chunk.Contains(i.AttemptId))
                .Select(i => new { i.AttemptId, i.QuestionId, i.Seq, i.Response }).ToListAsync();
            foreach (var r in rows)
            {
                stored[(r.AttemptId, r.QuestionId)] = (r.Seq, r.Response);
            }
        }

        var lost = 0;
        var examples = new List<string>();
        foreach (var ((attempt, question), want) in acked)
        {
            string? problem = null;
            if (!stored.TryGetValue((attempt, question), out var have))
            {
                problem = "no row";
            }
            else if (have.Seq < want.Seq)
            {
                problem = $"stored seq {have.Seq} < acknowledged {want.Seq}";
            }
            else if (have.Seq == want.Seq && have.Response != want.Response)
            {
                problem = $"seq {have.Seq}: stored {have.Response} ≠ acknowledged {want.Response}";
            }
            else if (have.Seq > want.Seq && !(sent.TryGetValue((attempt, question, have.Seq), out var r) && have.Response is not null && r.Contains(have.Response)))
            {
                problem = $"stored seq {have.Seq} was never sent";
            }

            if (problem is not null)
            {
                lost++;
                if (examples.Count < 5)
                {
                    examples.Add($"attempt {attempt} question {question}: {problem}");
                }
            }
        }

        return new Verification(acked.Count, lost, examples);
    }

    private static async Task<(int Graded, int Submitted, int Started)> VerifyGradedAsync(IServiceProvider services, List<long> attempts)
    {
        int graded = 0, submitted = 0;
        foreach (var chunk in attempts.Chunk(500))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            graded += await db.AttemptResults.Where(r => chunk.Contains(r.AttemptId)).Select(r => r.AttemptId).Distinct().CountAsync();
            submitted += await db.Attempts.CountAsync(a => chunk.Contains(a.Id) && a.Status == AgentPath.Web.Features.Assessments.AttemptStatus.Submitted);
        }

        return (graded, submitted, attempts.Count);
    }

    private static string WriteMarkdown(Options o, ReportTable latency, ReportTable resources, ReportTable targets, List<string> ratios, List<string> checks,
        List<string> serverLog, List<(string Sql, long Count, double TotalMs, double MaxMs)> sqlStats, Timeline timeline, List<string> warmupNotes, string load)
    {
        var path = Report.NewResultFile(o.ResultsDir, $"examday-{o.Db.ToString().ToLowerInvariant()}-{DateTime.Now:yyyy-MM-dd}");
        var md = new StringBuilder()
            .AppendLine($"# Exam-day benchmark ({o.Db}, {o.Agents:N0} agents) — {DateTime.Now:yyyy-MM-dd HH:mm}")
            .AppendLine()
            .AppendLine($"- Command: `dotnet run -c Release --project bench/AgentPath.Bench -- {o.CommandLine}`")
            .AppendLine($"- Machine: {Report.Environment()}{ThreadPoolNote()}")
            .AppendLine($"- Source: {o.Source}")
            .AppendLine($"- Load average (1/5/15 min): {load}.")
            .AppendLine($"- The real app (AgentPath.Web's Program, Production environment) on Kestrel on loopback, in the same process as the driver: "
                + "they share the CPUs, the thread pool and the memory figures. Accounts use a trivial password hasher (set-up and sign-in only; no timed step hashes).")
            .AppendLine($"- {o.Agents:N0} agents: {o.Burst:P0} start in the first second, the rest at random over {o.Ramp:0} s. Each starts an attempt (POST /api/v1/exams/{{id}}/attempts), "
                + $"loads it (GET /api/v1/attempts/{{id}}), saves {o.Saves} answers (PUT …/answers/{{questionId}}; each of the {ExamDayData.PaperSize} questions once, then changed answers) "
                + $"one every {o.Interval.TotalSeconds:0.###} s from when the attempt loaded (up to {ExamDayDriver.PerAgentParallel} in flight, one per question, as the exam page), "
                + "then submits (POST …/submit) when all its saves are answered.")
            .AppendLine("- Latency is measured from when a request was due (start: its scheduled time; load: when the start answered; save k: load + k × interval; "
                + "submit: one interval after the last save was due), so queueing in the driver, the connection pool, the thread pool and the server all count. "
                + "timer lag = how late the driver's timers fired (CPU backlog of the shared process). per s = successes over the step's window (first due to last answer).")
            .AppendLine($"- Floor: PUT /floor/attempts/{{id}}/answers/{{questionId}}, mapped in front of the app's middleware, one raw ADO.NET UPDATE of the same AttemptItems row "
                + "(same columns, same `Seq < @seq` rule) on a pooled connection per request. \"floor, paced\" sends the same number of saves with the exam day's schedule; "
                + $"the capacity phases send {o.CapacitySaves:N0} saves as fast as answered by {o.CapacityWorkers} closed-loop senders (latency from send), to the app (attempts of a separate exam) and to the floor.")
            .AppendLine($"- Driver: one HttpClient, up to {o.Connections} HTTP/1.1 connections, timeout {o.Timeout.TotalSeconds:0} s, no retries.")
            .AppendLine("- Resources are the whole process's: CPU ms/save and alloc/save divide by the phase's saves (the exam-day phase also starts, loads and submits). "
                + "peak RSS = VmHWM, reset at the start of each phase.");
        foreach (var n in warmupNotes)
        {
            md.AppendLine($"- {n}");
        }

        md.AppendLine()
            .AppendLine("## Latency")
            .AppendLine()
            .Append(latency.ToMarkdown())
            .AppendLine()
            .AppendLine("## Resources (app and driver together)")
            .AppendLine()
            .Append(resources.ToMarkdown())
            .AppendLine()
            .AppendLine("## App / floor")
            .AppendLine()
            .AppendLine(string.Join(Environment.NewLine, ratios.Select(r => "- " + r)))
            .AppendLine()
            .AppendLine("## Targets (issue 3)")
            .AppendLine()
            .Append(targets.ToMarkdown())
            .AppendLine()
            .AppendLine("## Checks")
            .AppendLine()
            .AppendLine(string.Join(Environment.NewLine, checks.Select(c => "- " + c)))
            .AppendLine()
            .AppendLine("## Server log (warnings and errors the app logged, by phase)")
            .AppendLine()
            .AppendLine(string.Join(Environment.NewLine, serverLog.Select(c => "- " + c)))
            .AppendLine()
            .AppendLine($"## Exam-day timeline ({timeline.BucketSeconds:0} s buckets, by completion time)")
            .AppendLine()
            .Append(timeline.ToTable().ToMarkdown());
        if (sqlStats.Count > 0)
        {
            md.AppendLine()
                .AppendLine("## Costliest SQL of the exam day (--sql-stats)")
                .AppendLine()
                .AppendLine("EF Core's elapsed time per command (on SQLite it includes waiting for the database lock), summed per SQL text.")
                .AppendLine();
            foreach (var q in sqlStats)
            {
                md.AppendLine($"- {q.Count:N0}× total {q.TotalMs / 1000:N1} s, mean {q.TotalMs / q.Count:N1} ms, max {q.MaxMs:N0} ms:")
                    .AppendLine()
                    .AppendLine("  ```sql")
                    .AppendLine(string.Join(Environment.NewLine, q.Sql.Split('\n').Select(l => "  " + l.TrimEnd())))
                    .AppendLine("  ```");
            }
        }

        File.WriteAllText(path, md.ToString());
        return path;
    }
}
