using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.People.Import;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace AgentPath.Bench;

/// <summary>
/// The roster import (花名册) end to end, as the Import page drives it: <see cref="RosterImporter.PreviewAsync"/>
/// (store the upload, parse, check against the database) in one scope, then <see cref="RosterImporter.CommitAsync"/>
/// (parse and check again, insert every row and its audit row in one transaction) in another, for a generated
/// .xlsx and .csv of N rows, each on a fresh seeded database. The floor is raw ADO.NET inserting the same rows
/// into a plain table in one transaction, with the app's SQLite settings (WAL, synchronous=FULL).
/// </summary>
public static class RosterBench
{
    public const string Usage = """
        roster [--rows N] [--format both|xlsx|csv] [--runs R] [--no-warmup] [--keep] [--out DIR]
          --rows N        data rows per file (default 20000; the parser accepts at most 100000)
          --format F      which file format(s) to import (default both: xlsx, then csv)
          --runs R        import each format R times, each on a fresh database, and report every run and the median (default 1)
          --no-warmup     skip the untimed warm-up imports (then the first run also pays JIT, tier-up and first-query costs)
          --keep          keep the temporary folder (generated files, databases) and print its path
          --out DIR       where the markdown report goes (default bench/results of the repository)
        """;

    /// <summary>The issue's target: 20,000 rows previewed and committed in under 10 s on SQLite.</summary>
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);

    private const int TargetRows = 20_000;
    private const int WarmupRows = 1_000;
    private const int WarmupRounds = 3;
    private static readonly TimeSpan WarmupPause = TimeSpan.FromSeconds(1);
    private const int FloorRuns = 3;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        args.AllowOnly("rows", "format", "runs", "no-warmup", "keep", "out");
        var rows = args.Int("rows", TargetRows, 1, RosterParser.MaxRows);
        var formats = args.String("format", "both")!.ToLowerInvariant() switch
        {
            "both" => new[] { RosterFormat.Xlsx, RosterFormat.Csv },
            "xlsx" => [RosterFormat.Xlsx],
            "csv" => [RosterFormat.Csv],
            var f => throw new BenchUsageException($"--format must be both, xlsx or csv, not \"{f}\"."),
        };
        var runCount = args.Int("runs", 1, 1, 100);
        var warmup = !args.Flag("no-warmup");
        var keep = args.Flag("keep");
        var resultsDir = Report.ResultsDirectory(args.String("out"));

        var work = Path.Combine(Path.GetTempPath(), "agentpath-bench", $"roster-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        Console.WriteLine($"Roster import benchmark: {rows:N0} rows, formats {string.Join(", ", formats)}, {runCount} run(s) each, warm-up {(warmup ? "on" : "off")}");
        Console.WriteLine(Report.Environment());
        var loadBefore = Report.LoadAverage();

        try
        {
            // A first seeded database tells the team names the generated rows use, and takes the warm-up imports.
            var sw = Stopwatch.StartNew();
            List<TeamRef> teams;
            await using (var probe = await BenchApp.CreateAsync("roster-warmup", keep: keep))
            {
                teams = await TeamsAsync(probe);
                Console.WriteLine($"Seeded a database in {Report.Seconds(sw.Elapsed)} s ({teams.Count} teams).");
                if (warmup)
                {
                    // Tiered JIT: hot methods start unoptimised and are recompiled in the background (with PGO, in two steps) once
                    // called often enough and the JIT has been quiet for a moment; rounds with pauses let that finish before timing.
                    for (var round = 1; round <= WarmupRounds; round++)
                    {
                        foreach (var format in formats)
                        {
                            var small = Generate(WarmupRows, $"W{round}{format.ToString()[0]}", teams, seed: round);
                            var run = await ImportAsync(probe, Write(work, "warmup", format, small), format, WarmupRows);
                            if (run.Failures.Count > 0)
                            {
                                throw new InvalidOperationException($"Warm-up import ({format}) failed: {string.Join("; ", run.Failures)}");
                            }
                        }

                        RunFloor(work, Generate(WarmupRows, $"F{round}", teams, seed: round), indexesAndAudit: true);
                        await Task.Delay(WarmupPause);
                    }

                    Console.WriteLine($"Warm-up done ({WarmupRounds} rounds of {WarmupRows:N0} rows per format, untimed).");
                }
            }

            var data = Generate(rows, "BN", teams, seed: 20261127);
            var files = new Dictionary<RosterFormat, string>();
            sw.Restart();
            foreach (var format in formats)
            {
                files[format] = Write(work, "roster", format, data);
            }

            Console.WriteLine($"Generated files in {Report.Seconds(sw.Elapsed)} s: "
                + string.Join(", ", files.Select(f => $"{Path.GetFileName(f.Value)} {Report.MiB(new FileInfo(f.Value).Length)}")));

            var floors = Enumerable.Range(0, FloorRuns).Select(_ => RunFloor(work, data)).Order().ToList();
            var floor = floors[FloorRuns / 2];
            Console.WriteLine($"Floor (raw ADO.NET, plain table, median of {FloorRuns}): {Report.Seconds(floor)} s");

            var runs = new List<ImportRun>();
            for (var i = 1; i <= runCount; i++)
            {
                foreach (var format in formats)
                {
                    await using var app = await BenchApp.CreateAsync("roster-" + format.ToString().ToLowerInvariant(), keep: keep);
                    var run = await ImportAsync(app, files[format], format, rows) with { Run = i };
                    runs.Add(run);
                    Console.WriteLine($"{format} run {i}: preview {Report.Seconds(run.Preview)} s, commit {Report.Seconds(run.Commit)} s, "
                        + $"CPU {Report.Seconds(run.Cpu)} s, checks {(run.Failures.Count == 0 ? "passed" : "FAILED")}");
                }
            }

            var parseOnly = formats.ToDictionary(f => f, f => TimeParse(files[f], f));
            var fullFloor = RunFloor(work, data, indexesAndAudit: true);
            var loadAfter = Report.LoadAverage();

            var table = new ReportTable("format", "rows", "file", "preview s", "commit s", "total s", "rows/s", "floor s", "ratio", "CPU s", "peak WS", "alloc", "< 10 s");
            var scaledTarget = Target * ((double)rows / TargetRows);
            void AddRow(string label, TimeSpan preview, TimeSpan commit, TimeSpan cpu, long fileBytes, long peak, long alloc)
            {
                var total = preview + commit;
                table.Add(label, Report.Number(rows), Report.MiB(fileBytes), Report.Seconds(preview), Report.Seconds(commit), Report.Seconds(total),
                    Report.Number(rows / total.TotalSeconds), Report.Seconds(floor), Report.Number(total / floor, "N0") + "×", Report.Seconds(cpu),
                    Report.MiB(peak), Report.MiB(alloc), total < scaledTarget ? "yes" : "NO");
            }

            foreach (var format in formats)
            {
                var mine = runs.Where(r => r.Format == format).ToList();
                var name = format.ToString().ToLowerInvariant();
                foreach (var r in mine)
                {
                    AddRow(runCount == 1 ? name : $"{name} #{r.Run}", r.Preview, r.Commit, r.Cpu, r.FileBytes, r.PeakWorkingSet, r.AllocatedBytes);
                }

                if (runCount > 1)
                {
                    AddRow($"{name} median", Median(mine, r => r.Preview), Median(mine, r => r.Commit), Median(mine, r => r.Cpu), mine[0].FileBytes,
                        mine.Max(r => r.PeakWorkingSet), Median(mine, r => r.AllocatedBytes));
                }
            }

            var detail = new ReportTable("format", "parse only s", "new employees", "new audit rows", "of which Employee", "import files left");
            foreach (var r in runs.OrderBy(r => Array.IndexOf(formats, r.Format)).ThenBy(r => r.Run))
            {
                detail.Add(
                    r.Format.ToString().ToLowerInvariant() + (runCount == 1 ? "" : $" #{r.Run}"),
                    Report.Seconds(parseOnly[r.Format]),
                    Report.Number(r.NewEmployees),
                    Report.Number(r.NewAuditRows),
                    Report.Number(r.NewEmployeeAudits),
                    Report.Number(r.FilesLeft));
            }

            var failures = runs.SelectMany(r => r.Failures.Select(f => $"{r.Format}: {f}")).ToList();
            var text = new StringBuilder()
                .AppendLine()
                .Append(table.ToText())
                .AppendLine()
                .Append(detail.ToText())
                .AppendLine()
                .AppendLine($"Floor: {Report.Seconds(floor)} s for {rows:N0} rows into a plain table (median of {FloorRuns}: {string.Join(" / ", floors.Select(Report.Seconds))}).")
                .AppendLine($"Floor with the app's five Employees indexes and one JSON audit row per employee (three indexes): {Report.Seconds(fullFloor)} s.")
                .AppendLine($"Load average (1/5/15 min) before: {loadBefore}, after: {loadAfter} on {System.Environment.ProcessorCount} CPUs.")
                .AppendLine(failures.Count == 0
                    ? $"Checks passed: each import added exactly {rows:N0} employees and {rows:N0} Employee audit rows."
                    : "CHECKS FAILED:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, failures.Select(f => "  " + f)))
                .ToString();
            Console.Write(text);

            var path = WriteMarkdown(resultsDir, $"--rows {rows}" + (args.String("format") is { } f ? $" --format {f}" : "") + (runCount > 1 ? $" --runs {runCount}" : "")
                + (warmup ? "" : " --no-warmup"), rows, warmup, table, detail, floor, floors, fullFloor, $"before {loadBefore}, after {loadAfter}", failures);
            Console.WriteLine($"Report written to {path}");
            if (keep)
            {
                Console.WriteLine($"Kept temporary files under {Path.GetDirectoryName(work)}");
            }

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

    private sealed record ImportRun(RosterFormat Format, long FileBytes, TimeSpan Preview, TimeSpan Commit, TimeSpan Cpu, long PeakWorkingSet, long AllocatedBytes,
        int NewEmployees, int NewAuditRows, int NewEmployeeAudits, int FilesLeft, IReadOnlyList<string> Failures)
    {
        public int Run { get; init; } = 1;
    }

    private static TimeSpan Median(IReadOnlyList<ImportRun> runs, Func<ImportRun, TimeSpan> value) =>
        TimeSpan.FromTicks(Median(runs, r => value(r).Ticks));

    private static long Median(IReadOnlyList<ImportRun> runs, Func<ImportRun, long> value)
    {
        var sorted = runs.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Preview in one scope, commit in another (two requests of the Import page), timed; then the database is checked.</summary>
    private static async Task<ImportRun> ImportAsync(BenchApp app, string file, RosterFormat format, int rows)
    {
        var userId = await app.InScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("hr"))?.Id ?? 1);
        var (employeesBefore, lastAudit) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Employees.CountAsync(), await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0);
        });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Report.CpuTime();
        var failures = new List<string>();

        var sw = Stopwatch.StartNew();
        var preview = await app.InScopeAsync(async sp =>
        {
            await using var upload = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            return await sp.GetRequiredService<RosterImporter>().PreviewAsync(upload, Path.GetFileName(file), userId);
        });
        var previewTime = sw.Elapsed;

        var commitTime = TimeSpan.Zero;
        if (preview.ImportId is not { } importId || preview.Problems.Count > 0 || preview.Importable != rows)
        {
            failures.Add($"preview: id {preview.ImportId}, {preview.DataRows} data rows, {preview.Importable} importable, {preview.Problems.Count} problem(s): "
                + string.Join("; ", preview.Problems.Take(5).Select(Describe)));
        }
        else
        {
            sw.Restart();
            var commit = await app.InScopeAsync(sp => sp.GetRequiredService<RosterImporter>().CommitAsync(importId, userId));
            commitTime = sw.Elapsed;
            if (commit is null || commit.Imported != rows || commit.Problems.Count > 0)
            {
                failures.Add($"commit: {(commit is null ? "import not found" : $"{commit.Imported} imported, {commit.Problems.Count} problem(s): " + string.Join("; ", commit.Problems.Take(5).Select(Describe)))}");
            }
        }

        var cpu = Report.CpuTime() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Report.PeakWorkingSet();

        var (employeesAfter, auditRows, employeeAudits) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var newAudits = db.AuditEntries.Where(a => a.Id > lastAudit);
            return (await db.Employees.CountAsync(),
                await newAudits.CountAsync(),
                await newAudits.CountAsync(a => a.Entity == nameof(Employee) && a.Action == AuditAction.Created));
        });
        var newEmployees = employeesAfter - employeesBefore;
        if (newEmployees != rows)
        {
            failures.Add($"Employees grew by {newEmployees:N0}, expected {rows:N0}.");
        }

        if (employeeAudits != rows)
        {
            failures.Add($"{employeeAudits:N0} new Employee audit rows, expected {rows:N0}.");
        }

        // Besides one row per employee: the RosterImport row created by the preview and updated by the commit.
        if (auditRows != rows + 2)
        {
            failures.Add($"{auditRows:N0} new audit rows in all, expected {rows + 2:N0} (employees + RosterImport created + committed).");
        }

        var importsDir = Path.Combine(app.Root, "data", "files", "imports");
        var filesLeft = Directory.Exists(importsDir) ? Directory.EnumerateFiles(importsDir, "*", SearchOption.AllDirectories).Count() : 0;
        if (filesLeft != 0)
        {
            failures.Add($"{filesLeft} uploaded file(s) left in the file store after the commit.");
        }

        return new ImportRun(format, new FileInfo(file).Length, previewTime, commitTime, cpu, peak, allocated,
            newEmployees, auditRows, employeeAudits, filesLeft, failures);
    }

    private static string Describe(RosterProblem p) =>
        $"line {p.Line} {p.Column}: {string.Format(CultureInfo.InvariantCulture, p.Message, p.FormatArgs(false))}";

    /// <summary>The parser alone on the file (no database), to split the preview's time.</summary>
    private static TimeSpan TimeParse(string file, RosterFormat format)
    {
        var sw = Stopwatch.StartNew();
        using var stream = File.OpenRead(file);
        var result = RosterParser.Parse(stream, format, DateOnly.FromDateTime(DateTime.UtcNow));
        sw.Stop();
        return result.Problems.Count == 0 ? sw.Elapsed : throw new InvalidOperationException("The generated file does not parse cleanly.");
    }

    // ---- Generated data ----------------------------------------------------------------------

    /// <summary>A seeded team: what a roster writes in its 班组 column, and the ids the floor stores.</summary>
    private sealed record TeamRef(string Department, string Name, int DepartmentId, int TeamId);

    private sealed record GenRow(string Number, string Name, string? Phone, DateOnly HireDate, object HireCell, TeamRef Team, string TeamCell,
        Stage Stage, string StageCell, int? Level);

    private static Task<List<TeamRef>> TeamsAsync(BenchApp app) => app.InScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Teams.OrderBy(t => t.Id)
            .Select(t => new TeamRef(t.Department.Name, t.Name, t.DepartmentId, t.Id)).ToListAsync());

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤欧阳";

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英",
        "晓东", "婷", "雪", "慧", "建华", "文", "鑫", "欣怡", "子涵", "浩然", "雨桐", "梓萱", "宇轩", "思远", "佳琪", "一诺", "晨曦", "嘉怡",
        "俊杰", "晓红", "丽娟", "志强", "海燕", "春梅", "玉兰", "建国", "小燕", "永刚", "𠮷祥",
    ];

    private static readonly (Stage Stage, string Cell, int Weight)[] StageMix =
    [
        (Stage.Induction, "实习期", 30), (Stage.Apprenticeship, "见习期", 20), (Stage.Probation, "试用期", 15), (Stage.Regular, "正式员工", 20),
        (Stage.Regular, "正式", 5), (Stage.Probation, "Probation", 3), (Stage.Induction, "", 7),
    ];

    private static readonly string[] DateTextFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy年M月d日", "yyyy-M-d"];

    /// <summary>Rows with unique employee numbers (<paramref name="prefix"/> + 6 digits), Chinese names, hire dates in the last ten years, seeded teams.</summary>
    private static List<GenRow> Generate(int count, string prefix, IReadOnlyList<TeamRef> teams, int seed)
    {
        var rng = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var totalWeight = StageMix.Sum(s => s.Weight);
        var rows = new List<GenRow>(count);
        for (var i = 1; i <= count; i++)
        {
            var name = Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)];
            var phone = rng.Next(20) == 0 ? null : "1" + "3456789"[rng.Next(7)] + rng.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
            var hire = today.AddDays(-rng.Next(0, 3650));

            // Mostly a real date cell in .xlsx; sometimes text as people type it (the .csv writes every date as text).
            object hireCell = rng.Next(5) == 0
                ? hire.ToString(DateTextFormats[rng.Next(DateTextFormats.Length)], CultureInfo.InvariantCulture)
                : hire.ToDateTime(TimeOnly.MinValue);
            var team = teams[rng.Next(teams.Count)];
            var teamCell = rng.Next(10) == 0 ? team.Department + "/" + team.Name : team.Name;

            var pick = rng.Next(totalWeight);
            var (stage, stageCell, _) = StageMix.First(s => (pick -= s.Weight) < 0);
            int? level = stage is Stage.Probation or Stage.Regular && rng.Next(4) != 0 ? rng.Next(1, 4) : null;
            rows.Add(new GenRow(prefix + i.ToString("D6", CultureInfo.InvariantCulture), name, phone, hire, hireCell, team, teamCell, stage, stageCell, level));
        }

        return rows;
    }

    private static string[] Headers => RosterParser.Columns.Select(c => c.Chinese + " / " + c.English).ToArray();

    private static string Write(string dir, string name, RosterFormat format, IReadOnlyList<GenRow> rows)
    {
        var path = Path.Combine(dir, $"{name}-{rows.Count}-{Guid.NewGuid().ToString("N")[..8]}.{(format == RosterFormat.Xlsx ? "xlsx" : "csv")}");
        var h = Headers;
        if (format == RosterFormat.Xlsx)
        {
            var sheet = rows.Select(r => new Dictionary<string, object?>
            {
                [h[0]] = r.Number, [h[1]] = r.Name, [h[2]] = r.Phone, [h[3]] = r.HireCell,
                [h[4]] = r.TeamCell, [h[5]] = r.StageCell, [h[6]] = r.Level,
            });
            MiniExcel.SaveAs(path, sheet, excelType: ExcelType.XLSX);
        }
        else
        {
            // UTF-8 with BOM and CRLF, as Excel's "CSV UTF-8" saves it.
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            writer.NewLine = "\r\n";
            writer.WriteLine(string.Join(",", h.Select(Csv.Quote)));
            foreach (var r in rows)
            {
                var date = r.HireCell as string ?? r.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                writer.WriteLine(string.Join(",", new[]
                {
                    r.Number, r.Name, r.Phone ?? "", date, r.TeamCell, r.StageCell,
                    r.Level?.ToString(CultureInfo.InvariantCulture) ?? "",
                }.Select(Csv.Quote)));
            }
        }

        return path;
    }

    // ---- Floor -------------------------------------------------------------------------------

    /// <summary>
    /// Raw ADO.NET on a fresh file: one transaction, one prepared INSERT per row, WAL and synchronous=FULL as the app sets them.
    /// With <paramref name="indexesAndAudit"/>, also the app's Employees indexes and one JSON audit row per employee.
    /// </summary>
    private static TimeSpan RunFloor(string dir, IReadOnlyList<GenRow> rows, bool indexesAndAudit = false)
    {
        var path = Path.Combine(dir, $"floor-{Guid.NewGuid():N}.db");
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = true }.ToString();
        using var conn = new SqliteConnection(cs);
        conn.Open();
        Exec(conn, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
        Exec(conn, """
            CREATE TABLE Employees (
                Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, EmployeeNumber TEXT NOT NULL, Name TEXT NOT NULL, Phone TEXT NULL,
                HireDate TEXT NOT NULL, DepartmentId INTEGER NOT NULL, TeamId INTEGER NULL, Stage TEXT NOT NULL, ServiceLevel INTEGER NULL);
            """);
        if (indexesAndAudit)
        {
            Exec(conn, """
                CREATE UNIQUE INDEX IX_Employees_EmployeeNumber ON Employees (EmployeeNumber);
                CREATE INDEX IX_Employees_Name ON Employees (Name);
                CREATE INDEX IX_Employees_Stage ON Employees (Stage);
                CREATE INDEX IX_Employees_DepartmentId ON Employees (DepartmentId);
                CREATE INDEX IX_Employees_TeamId ON Employees (TeamId);
                CREATE TABLE AuditEntries (
                    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, At INTEGER NOT NULL, UserId INTEGER NULL, UserName TEXT NOT NULL,
                    Entity TEXT NOT NULL, Key TEXT NOT NULL, Action TEXT NOT NULL, Changes TEXT NOT NULL);
                CREATE INDEX IX_AuditEntries_At ON AuditEntries (At);
                CREATE INDEX IX_AuditEntries_Entity_Key ON AuditEntries (Entity, Key);
                CREATE INDEX IX_AuditEntries_UserId ON AuditEntries (UserId);
                """);
        }

        var sw = Stopwatch.StartNew();
        using (var tx = conn.BeginTransaction())
        {
            using var insert = conn.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO Employees (EmployeeNumber, Name, Phone, HireDate, DepartmentId, TeamId, Stage, ServiceLevel) "
                + "VALUES ($n, $name, $phone, $hire, $dept, $team, $stage, $level) RETURNING Id;";
            var pNumber = insert.Parameters.Add("$n", SqliteType.Text);
            var pName = insert.Parameters.Add("$name", SqliteType.Text);
            var pPhone = insert.Parameters.Add("$phone", SqliteType.Text);
            var pHire = insert.Parameters.Add("$hire", SqliteType.Text);
            var pDept = insert.Parameters.Add("$dept", SqliteType.Integer);
            var pTeam = insert.Parameters.Add("$team", SqliteType.Integer);
            var pStage = insert.Parameters.Add("$stage", SqliteType.Text);
            var pLevel = insert.Parameters.Add("$level", SqliteType.Integer);
            insert.Prepare();

            using var audit = conn.CreateCommand();
            audit.Transaction = tx;
            audit.CommandText = "INSERT INTO AuditEntries (At, UserId, UserName, Entity, Key, Action, Changes) VALUES ($at, NULL, 'bench', 'Employee', $key, 'Created', $changes);";
            var pAt = audit.Parameters.Add("$at", SqliteType.Integer);
            var pKey = audit.Parameters.Add("$key", SqliteType.Text);
            var pChanges = audit.Parameters.Add("$changes", SqliteType.Text);
            if (indexesAndAudit)
            {
                audit.Prepare();
            }

            var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var r in rows)
            {
                var hire = r.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var stage = r.Stage.ToString();
                pNumber.Value = r.Number;
                pName.Value = r.Name;
                pPhone.Value = (object?)r.Phone ?? DBNull.Value;
                pHire.Value = hire;
                pDept.Value = r.Team.DepartmentId;
                pTeam.Value = r.Team.TeamId;
                pStage.Value = stage;
                pLevel.Value = (object?)r.Level ?? DBNull.Value;
                var id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (indexesAndAudit)
                {
                    var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal)
                    {
                        ["DepartmentId"] = [null, r.Team.DepartmentId], ["EmployeeNumber"] = [null, r.Number], ["HireDate"] = [null, hire],
                        ["Name"] = [null, r.Name], ["Stage"] = [null, stage], ["TeamId"] = [null, r.Team.TeamId],
                    };
                    if (r.Phone is not null)
                    {
                        changes["Phone"] = [null, r.Phone];
                    }

                    if (r.Level is not null)
                    {
                        changes["ServiceLevel"] = [null, r.Level];
                    }

                    pAt.Value = at;
                    pKey.Value = id.ToString(CultureInfo.InvariantCulture);
                    pChanges.Value = JsonSerializer.Serialize(changes);
                    audit.ExecuteNonQuery();
                }
            }

            tx.Commit();
        }

        sw.Stop();
        var count = Convert.ToInt64(Scalar(conn, "SELECT count(*) FROM Employees;"), CultureInfo.InvariantCulture);
        conn.Close();
        if (count != rows.Count)
        {
            throw new InvalidOperationException($"Floor inserted {count} rows, expected {rows.Count}.");
        }

        return sw.Elapsed;
    }

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    // ---- Report ------------------------------------------------------------------------------

    private static string WriteMarkdown(string dir, string options, int rows, bool warmup, ReportTable table, ReportTable detail, TimeSpan floor,
        IReadOnlyList<TimeSpan> floors, TimeSpan fullFloor, string load, IReadOnlyList<string> failures)
    {
        var path = Report.NewResultFile(dir, $"roster-{DateTime.Now:yyyy-MM-dd}");
        var md = new StringBuilder()
            .AppendLine($"# Roster import benchmark — {DateTime.Now:yyyy-MM-dd HH:mm}")
            .AppendLine()
            .AppendLine($"- Command: `dotnet run -c Release --project bench/AgentPath.Bench -- roster {options}`")
            .AppendLine($"- Machine: {Report.Environment()}")
            .AppendLine($"- Load average (1/5/15 min): {load}. Other work on the machine inflates wall times; CPU s (this process's CPU time during preview + commit, all threads) is less sensitive to it.")
            .AppendLine($"- {rows:N0} generated rows per file; each format imported on a fresh SQLite database (WAL, synchronous=FULL) seeded with the demo org; "
                + (warmup ? $"after an untimed warm-up of {WarmupRounds} rounds of {WarmupRows:N0}-row imports per format, with {WarmupPause.TotalSeconds:0} s pauses for tiered JIT." : "no warm-up (cold JIT, as the first import after start-up)."))
            .AppendLine($"- Target (issue): {TargetRows:N0} rows previewed + committed in under {Target.TotalSeconds:0} s" + (rows == TargetRows ? "." : $"; the last column scales it to {rows:N0} rows."))
            .AppendLine("- preview = RosterImporter.PreviewAsync (store upload, parse, check numbers and teams, save the RosterImport); "
                + "commit = RosterImporter.CommitAsync (parse and check again, insert all employees + one audit row each, one transaction).")
            .AppendLine("- floor = raw ADO.NET, prepared INSERT of the same rows into a plain table (no indexes) in one transaction; ratio = total / floor.")
            .AppendLine("- peak WS = the process's peak working set so far (cumulative over the run: run one --format to see one format's peak); alloc = managed bytes allocated during preview + commit.")
            .AppendLine("- parse only = RosterParser.Parse on the file alone, no database (the import parses the file twice: in preview and again in commit).")
            .AppendLine()
            .Append(table.ToMarkdown())
            .AppendLine()
            .Append(detail.ToMarkdown())
            .AppendLine()
            .AppendLine($"Floor runs: {string.Join(" / ", floors.Select(Report.Seconds))} s (median {Report.Seconds(floor)} s). "
                + $"Floor with the app's five Employees indexes and one JSON audit row per employee (audit table with three indexes): {Report.Seconds(fullFloor)} s.")
            .AppendLine()
            .AppendLine(failures.Count == 0
                ? $"Checks passed: each import added exactly {rows:N0} employees and {rows:N0} Employee audit rows (+2 RosterImport audit rows), and left no uploaded file behind."
                : "**Checks failed:**" + System.Environment.NewLine + string.Join(System.Environment.NewLine, failures.Select(f => "- " + f)));
        File.WriteAllText(path, md.ToString());
        return path;
    }
}
