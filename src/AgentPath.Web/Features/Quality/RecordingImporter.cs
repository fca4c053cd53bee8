using System.Data.Common;
using System.Globalization;
using System.Text;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.People.Import;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgentPath.Web.Features.Quality;

/// <summary>A reason a row (or the file) cannot be registered; <see cref="Message"/> is a resource key with {0}-style <see cref="Args"/>.</summary>
public sealed record CallProblem(int Line, string? Column, string Message, params string[] Args);

public sealed record CallImportPreview(Guid? ImportId, string FileName, int DataRows, int Registrable, IReadOnlyList<CallProblem> Problems, int MoreProblems);

public sealed record CallImportResult(int Registered, IReadOnlyList<CallProblem> Problems, int MoreProblems);

/// <summary>
/// Bulk registration of calls from the call system's export (.csv in UTF-8 or GBK, or .xlsx):
/// every row is checked first, then all rows are registered in one transaction, or none. One day
/// of a 20,000-seat center is about 270,000 rows, so the rows go in through one prepared INSERT
/// (SQLite) or a binary COPY (PostgreSQL) instead of the change tracker; the import itself is the
/// audited record (one audit row naming the file and the count).
/// </summary>
public sealed class RecordingImporter(AppDbContext db, FileStore files, TimeProvider time, WriteGate gate)
{
    public const int MaxRows = 1_000_000;
    public const long MaxFileBytes = 256L * 1024 * 1024;
    private const int ProblemLimit = 500;

    public static readonly IReadOnlyList<RosterColumn> Columns =
    [
        new("CallId", "通话编号", "Call id", true, ["通话编号", "通话id", "呼叫编号", "callid", "call id", "id"]),
        new("EmployeeNumber", "工号", "Employee number", true, ["工号", "坐席工号", "员工编号", "employeenumber", "employee number", "agent"]),
        new("StartedAt", "开始时间", "Started at", true, ["开始时间", "通话开始时间", "呼叫时间", "startedat", "started at", "start"]),
        new("Duration", "时长(秒)", "Duration (s)", true, ["时长(秒)", "时长", "通话时长", "duration", "durationseconds", "duration (s)"]),
        new("CallType", "类型", "Call type", true, ["类型", "通话类型", "calltype", "call type", "type"]),
        new("Customer", "客户", "Customer", false, ["客户", "客户编号", "customer", "customerref"]),
        new("Notes", "备注", "Notes", false, ["备注", "notes", "note"]),
        new("AudioPath", "录音文件", "Audio file", false, ["录音文件", "录音路径", "录音", "audio", "audiofile", "audio file", "path"]),
    ];

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy年M月d日 H:mm:ss", "yyyyMMddHHmmss",
    ];

    /// <summary>One checked row, ready to insert.</summary>
    public readonly record struct CallRow(int Line, string CallId, int EmployeeId, DateTimeOffset StartedAt, int Duration, CallType Type, string? Customer, string? Notes, string? SourcePath);

    public static string? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => "csv",
        ".xlsx" => "xlsx",
        _ => null,
    };

    /// <summary>Stores the upload and checks it; the page shows the problems, or offers to register.</summary>
    public async Task<CallImportPreview> PreviewAsync(Stream upload, string? fileName, int userId, CancellationToken ct = default)
    {
        var (stored, format, name, refused) = await StoreAsync(upload, fileName, ct);
        if (refused is not null)
        {
            return new CallImportPreview(null, name, 0, 0, [refused], 0);
        }

        List<CallRow> rows;
        List<CallProblem> problems;
        int dataRows, more;
        try
        {
            (rows, problems, dataRows, more) = await CheckAsync(stored!.Key, format!, ct);
        }
        catch
        {
            files.Delete(stored!.Key);
            throw;
        }

        if (problems.Count > 0)
        {
            // A file with problems cannot be confirmed (the page offers no button, a commit checks again):
            // keeping it would leave a file no one can use. Nothing is kept; the user fixes and uploads again.
            files.Delete(stored.Key);
            return new CallImportPreview(null, name, dataRows, 0, problems, more);
        }

        var import = new RecordingImport(name, stored.Key, format!, userId, time.GetUtcNow(), dataRows);
        db.RecordingImports.Add(import);
        await db.SaveChangesAsync(ct);
        return new CallImportPreview(import.Id, name, dataRows, problems.Count == 0 ? rows.Count : 0, problems, more);
    }

    /// <summary>Registers a previewed file if it is still clean.</summary>
    public async Task<CallImportResult?> CommitAsync(Guid importId, int userId, string by, CancellationToken ct = default)
    {
        var import = await db.RecordingImports.FirstOrDefaultAsync(i => i.Id == importId && i.UploadedBy == userId, ct);
        if (import?.CommittedAt is not null)
        {
            return new CallImportResult(0, [new CallProblem(0, null, "This file has already been registered.")], 0);
        }

        if (import is null || !files.Exists(import.FileKey))
        {
            return null;
        }

        var (rows, problems, _, more) = await CheckAsync(import.FileKey, import.Format, ct);
        if (problems.Count > 0)
        {
            return new CallImportResult(0, problems, more);
        }

        var result = await InsertAsync(import, rows, by, ct);
        if (result.Registered > 0)
        {
            files.Delete(import.FileKey);
        }

        return result;
    }

    /// <summary>Checks and registers in one step (the API): all rows or none; the file is not kept.</summary>
    public async Task<CallImportResult> RegisterAsync(Stream upload, string? fileName, int userId, string by, CancellationToken ct = default)
    {
        var (stored, format, name, refused) = await StoreAsync(upload, fileName, ct);
        if (refused is not null)
        {
            return new CallImportResult(0, [refused], 0);
        }

        try
        {
            var (rows, problems, dataRows, more) = await CheckAsync(stored!.Key, format!, ct);
            if (problems.Count > 0)
            {
                return new CallImportResult(0, problems, more);
            }

            var import = new RecordingImport(name, stored.Key, format!, userId, time.GetUtcNow(), dataRows);
            db.RecordingImports.Add(import);
            return await InsertAsync(import, rows, by, ct);
        }
        finally
        {
            files.Delete(stored!.Key);
        }
    }

    private async Task<(StoredFile? Stored, string? Format, string Name, CallProblem? Refused)> StoreAsync(Stream upload, string? fileName, CancellationToken ct)
    {
        if (FileNames.Problem(fileName) is { } bad)
        {
            return (null, null, "", new CallProblem(0, null, bad, FileNames.NameMax.ToString(CultureInfo.InvariantCulture)));
        }

        var name = fileName ?? "";
        if (FormatOf(name) is not { } format)
        {
            return (null, null, name, new CallProblem(0, null, "Upload an .xlsx or .csv file."));
        }

        StoredFile stored;
        try
        {
            stored = await files.SaveAsync("imports", upload, MaxFileBytes, ct);
        }
        catch (FileTooLargeException)
        {
            return (null, null, name, new CallProblem(0, null, "The file is too large."));
        }

        if (stored.Length == 0)
        {
            files.Delete(stored.Key);
            return (null, null, name, new CallProblem(0, null, "The file is empty."));
        }

        return (stored, format, name, null);
    }

    /// <summary>Parses the stored file and checks every row against the people and the calls already registered.</summary>
    public async Task<(List<CallRow> Rows, List<CallProblem> Problems, int DataRows, int More)> CheckAsync(string key, string format, CancellationToken ct)
    {
        var people = await db.Employees.AsNoTracking().Select(e => new { e.EmployeeNumber, e.Id }).ToDictionaryAsync(e => e.EmployeeNumber, e => e.Id, StringComparer.OrdinalIgnoreCase, ct);
        List<CallRow> rows;
        List<CallProblem> problems;
        int dataRows, more;
        await using (var stream = files.OpenRead(key))
        {
            (rows, problems, dataRows, more) = Parse(stream, format, people, time.GetUtcNow());
        }

        if (problems.Count == 0 && rows.Count > 0)
        {
            // Calls registered before: those in the file's time range are found by one indexed query; a repeat outside it is caught by the unique index.
            var from = rows.Min(r => r.StartedAt);
            var to = rows.Max(r => r.StartedAt);
            var known = await db.Recordings.AsNoTracking().Where(r => r.CallId != null && r.StartedAt >= from && r.StartedAt <= to).Select(r => r.CallId!).ToListAsync(ct);
            if (known.Count > 0)
            {
                var set = known.ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < rows.Count; i++)
                {
                    if (set.Contains(rows[i].CallId))
                    {
                        if (problems.Count < ProblemLimit)
                        {
                            problems.Add(new CallProblem(rows[i].Line, Label("CallId"), "Call id {0} is already registered.", rows[i].CallId));
                        }
                        else
                        {
                            more++;
                        }
                    }
                }
            }
        }

        return (rows, problems, dataRows, more);
    }

    /// <summary>Reads and checks rows without the database (people are given as number → id).</summary>
    public static (List<CallRow> Rows, List<CallProblem> Problems, int DataRows, int More) Parse(Stream stream, string format, IReadOnlyDictionary<string, int> people, DateTimeOffset now)
    {
        var problems = new List<CallProblem>();
        var more = 0;
        void Problem(CallProblem p)
        {
            if (problems.Count < ProblemLimit)
            {
                problems.Add(p);
            }
            else
            {
                more++;
            }
        }

        IEnumerable<object?[]> table;
        try
        {
            table = format == "xlsx" ? ReadXlsx(stream) : ReadCsv(stream);
        }
        catch (InputLimitException e)
        {
            return ([], [new CallProblem(0, null, e.Message, [.. e.Args])], 0, 0);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return ([], [new CallProblem(0, null, "The file cannot be read as {0}.", "." + format)], 0, 0);
        }

        var rows = new List<CallRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, int>? map = null;
        var line = 0;
        var dataRows = 0;
        var latest = now.AddMinutes(5);
        try
        {
            foreach (var cells in table)
            {
                line++;
                if (IsBlank(cells))
                {
                    continue;
                }

                if (map is null)
                {
                    map = Header(cells);
                    var missing = Columns.Where(c => c.Required && !map.ContainsKey(c.Key)).ToList();
                    if (missing.Count > 0)
                    {
                        return ([], missing.Select(c => new CallProblem(line, c.Chinese + " " + c.English, "Missing column \"{0}\".", c.Chinese + " / " + c.English)).ToList(), 0, 0);
                    }

                    continue;
                }

                dataRows++;
                if (dataRows > MaxRows)
                {
                    Problem(new CallProblem(line, null, "The file has more than {0} rows; split it.", MaxRows.ToString(CultureInfo.InvariantCulture)));
                    break;
                }

                var before = problems.Count + more;
                object? Cell(string k) => map.TryGetValue(k, out var i) && i < cells.Length ? cells[i] : null;
                foreach (var (k, i) in map)
                {
                    if (i < cells.Length && cells[i] is string s && FormulaGuard.IsFormulaLike(s))
                    {
                        Problem(new CallProblem(line, Label(k), "\"{0}\" starts with a character a spreadsheet would run as a formula.", s.Length > 40 ? s[..40] : s));
                    }
                }

                if (problems.Count + more > before)
                {
                    continue;
                }

                var callId = Text(Cell("CallId"));
                var number = Text(Cell("EmployeeNumber")).ToUpperInvariant();
                var rawType = Text(Cell("CallType"));
                var customer = Text(Cell("Customer"));
                var notes = Text(Cell("Notes"));
                var path = Text(Cell("AudioPath"));
                if (callId.Length == 0)
                {
                    Problem(new CallProblem(line, Label("CallId"), "\"{0}\" is empty.", Label("CallId")));
                }
                else if (callId.Length > Recording.CallIdMax || callId.Any(char.IsControl))
                {
                    Problem(new CallProblem(line, Label("CallId"), "\"{0}\" is not a possible call id.", Cut(callId)));
                }
                else if (seen.TryGetValue(callId, out var first))
                {
                    Problem(new CallProblem(line, Label("CallId"), "Call id {0} is already on line {1}.", callId, first.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    seen[callId] = line;
                }

                var employeeId = 0;
                if (number.Length == 0)
                {
                    Problem(new CallProblem(line, Label("EmployeeNumber"), "\"{0}\" is empty.", Label("EmployeeNumber")));
                }
                else if (!people.TryGetValue(number, out employeeId))
                {
                    Problem(new CallProblem(line, Label("EmployeeNumber"), "Unknown employee number {0}.", Cut(number)));
                }

                var started = ReadTime(Cell("StartedAt"));
                if (started is null)
                {
                    Problem(new CallProblem(line, Label("StartedAt"), "\"{0}\" is not a date and time.", Cut(Text(Cell("StartedAt")))));
                }
                else if (started > latest)
                {
                    Problem(new CallProblem(line, Label("StartedAt"), "A call cannot start in the future."));
                }

                var duration = ReadDuration(Cell("Duration"));
                if (duration is null)
                {
                    Problem(new CallProblem(line, Label("Duration"), "\"{0}\" is not a duration in seconds.", Cut(Text(Cell("Duration")))));
                }

                var type = RecordingService.ParseCallType(rawType);
                if (type is null)
                {
                    Problem(new CallProblem(line, Label("CallType"), "Unknown call type \"{0}\".", Cut(rawType)));
                }

                if (customer.Length > Recording.CustomerMax)
                {
                    Problem(new CallProblem(line, Label("Customer"), "Too long (at most {0} characters).", Recording.CustomerMax.ToString(CultureInfo.InvariantCulture)));
                }

                if (notes.Length > Recording.NotesMax)
                {
                    Problem(new CallProblem(line, Label("Notes"), "Too long (at most {0} characters).", Recording.NotesMax.ToString(CultureInfo.InvariantCulture)));
                }

                if (path.Length > 0 && FileNames.Problem(path, Recording.PathMax) is { } pathProblem)
                {
                    Problem(new CallProblem(line, Label("AudioPath"), pathProblem, Recording.PathMax.ToString(CultureInfo.InvariantCulture)));
                }

                if (problems.Count + more == before)
                {
                    rows.Add(new CallRow(line, callId, employeeId, started!.Value, duration!.Value, type!.Value, customer.Length == 0 ? null : customer,
                        notes.Length == 0 ? null : notes, path.Length == 0 ? null : path));
                }
            }
        }
        catch (InputLimitException e)
        {
            return ([], [new CallProblem(0, null, e.Message, [.. e.Args])], 0, 0);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return ([], [new CallProblem(0, null, "The file cannot be read as {0}.", "." + format)], 0, 0);
        }

        if (map is null)
        {
            return ([], [new CallProblem(0, null, "The file is empty.")], 0, 0);
        }

        if (dataRows == 0)
        {
            Problem(new CallProblem(1, null, "The file has a header but no rows."));
        }

        return (rows, problems, dataRows, more);
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;

    public static string Label(string key)
    {
        var c = Columns.First(x => x.Key == key);
        return c.Chinese + " " + c.English;
    }

    private static Dictionary<string, int> Header(object?[] cells)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
        {
            var raw = (Convert.ToString(cells[i], CultureInfo.InvariantCulture) ?? "").Trim();
            var words = raw.Split(['/', '|', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim().ToLowerInvariant()).Append(raw.ToLowerInvariant()).ToList();
            var col = Columns.FirstOrDefault(c => c.Aliases.Any(words.Contains));
            if (col is not null)
            {
                map.TryAdd(col.Key, i);
            }
        }

        return map;
    }

    private static string Text(object? v) => v switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => v.ToString()?.Trim() ?? "",
    };

    private static bool IsBlank(object?[] row)
    {
        foreach (var c in row)
        {
            if (c is not null && !(c is string s && string.IsNullOrWhiteSpace(s)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A start time: a date cell, an Excel serial, or text; without an offset it is center time (Asia/Shanghai).</summary>
    public static DateTimeOffset? ReadTime(object? v)
    {
        DateTime local;
        switch (v)
        {
            case DateTime dt:
                local = dt;
                break;
            case double d when d is > 1 and < 2958466:
                local = DateTime.FromOADate(d);
                break;
            case string s:
                s = s.Trim();
                if (s.Length > 19 && (s.EndsWith('Z') || s[^6] is '+' or '-') && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
                {
                    return withOffset.ToUniversalTime();
                }

                if (!DateTime.TryParseExact(s, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, CenterClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Seconds as a whole number, or h:mm:ss / m:ss.</summary>
    public static int? ReadDuration(object? v)
    {
        switch (v)
        {
            case double d when d >= 1 && d <= Recording.MaxDurationSeconds && d == Math.Floor(d):
                return (int)d;
            case string s:
                s = s.Trim();
                if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n is >= 1 and <= Recording.MaxDurationSeconds ? n : null;
                }

                var parts = s.Split(':');
                if (parts.Length is 2 or 3 && parts.All(p => p.Length is 1 or 2 && p.All(char.IsAsciiDigit)))
                {
                    var total = parts.Aggregate(0, (acc, p) => (acc * 60) + int.Parse(p, CultureInfo.InvariantCulture));
                    return total is >= 1 and <= Recording.MaxDurationSeconds ? total : null;
                }

                return null;
            default:
                return null;
        }
    }

    private static IEnumerable<object?[]> ReadXlsx(Stream stream)
    {
        // Checked whole before the first row is read; the rows then stream.
        BoundedXlsx.Check(stream, SheetLimits.Recordings);
        return BoundedXlsx.Rows(stream, null);
    }

    private static IEnumerable<object?[]> ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).ToArray();
        var text = RosterParser.DetectEncoding(bytes).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return BoundedCsv.Read(text, SheetLimits.Recordings).Select(r => (object?[])r);
    }

    /// <summary>Inserts every row and the import's audit row in one transaction.</summary>
    private async Task<CallImportResult> InsertAsync(RecordingImport import, List<CallRow> rows, string by, CancellationToken ct)
    {
        using var writing = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        // One commit per import: claim it with a conditional update; a parallel commit finds it taken and registers nothing.
        // (An import registered in the same request is not in the database yet: it is inserted by this transaction, nothing to claim.)
        if (db.Entry(import).State != EntityState.Added && await db.RecordingImports.Where(i => i.Id == import.Id && i.CommittedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.CommittedAt, now), ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return new CallImportResult(0, [new CallProblem(0, null, "This file has already been registered.")], 0);
        }

        import.MarkCommitted(rows.Count, now);
        await db.SaveChangesAsync(ct);
        var conn = db.Database.GetDbConnection();
        try
        {
            if (db.Database.IsNpgsql())
            {
                await CopyAsync((Npgsql.NpgsqlConnection)conn, import.Id, rows, by, now, ct);
            }
            else
            {
                await InsertSqliteAsync(conn, tx.GetDbTransaction(), import.Id, rows, by, now, ct);
            }
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new CallImportResult(0, [new CallProblem(0, Label("CallId"), "A call id in the file is already registered.")], 0);
        }

        await tx.CommitAsync(ct);
        return new CallImportResult(rows.Count, [], 0);
    }

    private static bool IsUniqueViolation(DbException e) =>
        e.SqlState == "23505" || (e is Microsoft.Data.Sqlite.SqliteException s && s.SqliteErrorCode == 19);

    private const string ColumnList = "\"CallId\", \"EmployeeId\", \"StartedAt\", \"DurationSeconds\", \"CallType\", \"CustomerRef\", \"Notes\", \"SourcePath\", \"ImportId\", \"RegisteredAt\", \"RegisteredBy\"";

    private static async Task InsertSqliteAsync(DbConnection conn, DbTransaction tx, Guid importId, List<CallRow> rows, string by, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"Recordings\" ({ColumnList}) VALUES ($c, $e, $s, $d, $t, $cu, $n, $p, $i, $r, $b)";
        DbParameter P(string name)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            cmd.Parameters.Add(p);
            return p;
        }

        var pCall = P("$c");
        var pEmp = P("$e");
        var pStart = P("$s");
        var pDur = P("$d");
        var pType = P("$t");
        var pCust = P("$cu");
        var pNotes = P("$n");
        var pPath = P("$p");
        P("$i").Value = importId.ToString().ToUpperInvariant(); // EF Core stores a Guid as upper-case text on SQLite
        P("$r").Value = now.UtcTicks;
        P("$b").Value = by;
        cmd.Prepare();
        var types = Enum.GetValues<CallType>().ToDictionary(t => t, t => t.ToString());
        foreach (var r in rows)
        {
            pCall.Value = r.CallId;
            pEmp.Value = r.EmployeeId;
            pStart.Value = r.StartedAt.UtcTicks;
            pDur.Value = r.Duration;
            pType.Value = types[r.Type];
            pCust.Value = (object?)r.Customer ?? DBNull.Value;
            pNotes.Value = (object?)r.Notes ?? DBNull.Value;
            pPath.Value = (object?)r.SourcePath ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync(Npgsql.NpgsqlConnection conn, Guid importId, List<CallRow> rows, string by, DateTimeOffset now, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync($"COPY \"Recordings\" ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        var registered = now.UtcDateTime;
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.CallId, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.EmployeeId, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.StartedAt.UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.Duration, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.Type.ToString(), NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            await WriteNullable(copy, r.Customer, ct);
            await WriteNullable(copy, r.Notes, ct);
            await WriteNullable(copy, r.SourcePath, ct);
            await copy.WriteAsync(importId, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(registered, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(by, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task WriteNullable(Npgsql.NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
        }
    }

    /// <summary>The template: bilingual headers and two example rows.</summary>
    public static byte[] Template()
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", Columns.Select(c => Csv.Quote(c.Chinese + " / " + c.English))));
        sb.AppendLine("C20261127000001,GZ10012,2026-11-27 09:30:05,185,咨询,K-88231,,/a3/2026/11/27/C20261127000001.wav");
        sb.AppendLine("C20261127000002,GZ10012,2026-11-27 09:41:40,242,回访,K-70512,满意度回访,");
        return new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }
}
