using System.Globalization;
using System.Text;
using AgentPath.Web.Infrastructure.Files;

namespace AgentPath.Web.Features.People.Import;

/// <summary>One data row of a roster file, as read; <see cref="Line"/> is the row number a spreadsheet shows.</summary>
public sealed record RosterRow(int Line, string EmployeeNumber, string Name, string? Phone, DateOnly HireDate, string Team, Stage Stage, int? ServiceLevel);

/// <summary>A reason a row (or the file) cannot be imported. <see cref="Message"/> is a resource key with {0}-style <see cref="Args"/>.</summary>
public sealed record RosterProblem(int Line, string? Column, string Message, params string[] Args);

public sealed record RosterParseResult(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterProblem> Problems, int DataRows);

public enum RosterFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Reads a roster (花名册) from .xlsx or .csv — UTF-8 with or without BOM, or GBK/GB18030 as
/// Chinese Excel saves it — and checks every row without touching the database.
/// </summary>
public static class RosterParser
{
    public const int MaxRows = 100_000;

    /// <summary>The columns, each with the header words it is known by (Chinese and English).</summary>
    public static readonly IReadOnlyList<RosterColumn> Columns =
    [
        new("EmployeeNumber", "工号", "Employee number", true, ["工号", "员工编号", "employeenumber", "employeeno", "empno"]),
        new("Name", "姓名", "Name", true, ["姓名", "name"]),
        new("Phone", "手机", "Phone", false, ["手机", "手机号", "电话", "phone", "mobile"]),
        new("HireDate", "入职日期", "Hire date", true, ["入职日期", "hiredate"]),
        new("Team", "班组", "Team", true, ["班组", "团队", "组别", "team"]),
        new("Stage", "阶段", "Stage", false, ["阶段", "stage"]),
        new("ServiceLevel", "服务等级", "Service level", false, ["服务等级", "servicelevel", "level"]),
    ];

    private static readonly Dictionary<string, Stage> StageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["实习期"] = Stage.Induction, ["见习期"] = Stage.Apprenticeship, ["试用期"] = Stage.Probation, ["正式员工"] = Stage.Regular,
        ["正式"] = Stage.Regular, ["淘汰"] = Stage.Eliminated, ["离职"] = Stage.Left,
    };

    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm",
    ];

    public static RosterFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => RosterFormat.Csv,
        ".xlsx" => RosterFormat.Xlsx,
        _ => null,
    };

    public static RosterParseResult Parse(Stream stream, RosterFormat format, DateOnly today)
    {
        List<object?[]> table;
        try
        {
            table = format == RosterFormat.Xlsx ? ReadXlsx(stream) : ReadCsv(stream);
        }
        catch (InputLimitException e)
        {
            return new RosterParseResult([], [new RosterProblem(0, null, e.Message, [.. e.Args])], 0);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return new RosterParseResult([], [new RosterProblem(0, null, "The file cannot be read as {0}.", format == RosterFormat.Xlsx ? ".xlsx" : ".csv")], 0);
        }

        return ParseTable(table, today);
    }

    /// <summary>Checks a table whose first non-empty row is the header.</summary>
    public static RosterParseResult ParseTable(IReadOnlyList<object?[]> table, DateOnly today)
    {
        var problems = new List<RosterProblem>();
        var headerIndex = -1;
        for (var i = 0; i < table.Count; i++)
        {
            if (!IsBlank(table[i]))
            {
                headerIndex = i;
                break;
            }
        }

        if (headerIndex < 0)
        {
            return new RosterParseResult([], [new RosterProblem(0, null, "The file is empty.")], 0);
        }

        var header = table[headerIndex];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            var words = HeaderWords(Convert.ToString(header[c], CultureInfo.InvariantCulture) ?? "");
            var col = Columns.FirstOrDefault(k => k.Aliases.Any(words.Contains));
            if (col is not null)
            {
                map.TryAdd(col.Key, c);
            }
        }

        foreach (var col in Columns.Where(c => c.Required && !map.ContainsKey(c.Key)))
        {
            problems.Add(new RosterProblem(headerIndex + 1, col.Chinese + " " + col.English, "Missing column \"{0}\".", col.Chinese + " / " + col.English));
        }

        if (problems.Count > 0)
        {
            return new RosterParseResult([], problems, 0);
        }

        var rows = new List<RosterRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var dataRows = 0;
        var earliest = EmployeeEditor.EarliestHireDate;
        var latest = today.AddYears(1);
        for (var i = headerIndex + 1; i < table.Count; i++)
        {
            var cells = table[i];
            if (IsBlank(cells))
            {
                continue;
            }

            dataRows++;
            var line = i + 1;
            if (dataRows > MaxRows)
            {
                problems.Add(new RosterProblem(line, null, "The file has more than {0} rows; split it.", MaxRows.ToString(CultureInfo.InvariantCulture)));
                break;
            }

            var before = problems.Count;
            object? Cell(string key) => map.TryGetValue(key, out var idx) && idx < cells.Length ? cells[idx] : null;

            // A text cell that starts like a formula would run as one when the sheet is opened again.
            foreach (var (key, idx) in map)
            {
                if (idx < cells.Length && cells[idx] is string s && FormulaGuard.IsFormulaLike(s))
                {
                    problems.Add(new RosterProblem(line, Label(key), "\"{0}\" starts with a character a spreadsheet would run as a formula.", s.Length > 40 ? s[..40] : s));
                }
            }

            var number = Employee.NormalizeNumber(Text(Cell("EmployeeNumber")));
            var name = Text(Cell("Name"));
            var phone = Text(Cell("Phone"));
            var team = Text(Cell("Team"));
            Require(number, "EmployeeNumber");
            Require(name, "Name");
            Require(team, "Team");
            if (number.Length > Employee.NumberMax)
            {
                problems.Add(new RosterProblem(line, Label("EmployeeNumber"), "Too long (at most {0} characters).", Employee.NumberMax.ToString(CultureInfo.InvariantCulture)));
            }

            if (name.Length > Employee.NameMax)
            {
                problems.Add(new RosterProblem(line, Label("Name"), "Too long (at most {0} characters).", Employee.NameMax.ToString(CultureInfo.InvariantCulture)));
            }

            if (phone.Length > Employee.PhoneMax)
            {
                problems.Add(new RosterProblem(line, Label("Phone"), "Too long (at most {0} characters).", Employee.PhoneMax.ToString(CultureInfo.InvariantCulture)));
            }

            if (number.Length > 0)
            {
                if (seen.TryGetValue(number, out var first))
                {
                    problems.Add(new RosterProblem(line, Label("EmployeeNumber"), "Employee number {0} is already on line {1}.", number, first.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    seen[number] = line;
                }
            }

            DateOnly hire = default;
            var rawDate = Cell("HireDate");
            if (IsEmpty(rawDate))
            {
                Require("", "HireDate");
            }
            else if (ReadDate(rawDate) is not { } d || d < earliest || d > latest)
            {
                problems.Add(new RosterProblem(line, Label("HireDate"), "\"{0}\" is not a possible hire date.", Convert.ToString(rawDate, CultureInfo.InvariantCulture) ?? ""));
            }
            else
            {
                hire = d;
            }

            var stage = Stage.Induction;
            var rawStage = Text(Cell("Stage"));
            if (rawStage.Length > 0)
            {
                if (StageNames.TryGetValue(rawStage, out var zh))
                {
                    stage = zh;
                }
                else if (Enum.TryParse<Stage>(rawStage, ignoreCase: true, out var en) && !int.TryParse(rawStage, out _))
                {
                    stage = en;
                }
                else
                {
                    problems.Add(new RosterProblem(line, Label("Stage"), "Unknown stage \"{0}\".", rawStage));
                }
            }

            int? level = null;
            var rawLevel = Text(Cell("ServiceLevel"));
            if (rawLevel.Length > 0)
            {
                if (int.TryParse(rawLevel, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l is >= 1 and <= 9)
                {
                    level = l;
                }
                else
                {
                    problems.Add(new RosterProblem(line, Label("ServiceLevel"), "Service level must be a whole number from 1 to 9, not \"{0}\".", rawLevel));
                }
            }

            if (problems.Count == before)
            {
                rows.Add(new RosterRow(line, number, name, phone.Length == 0 ? null : phone, hire, team, stage, level));
            }

            void Require(string value, string key)
            {
                if (value.Length == 0)
                {
                    problems.Add(new RosterProblem(line, Label(key), "\"{0}\" is empty.", Label(key)));
                }
            }
        }

        if (dataRows == 0)
        {
            problems.Add(new RosterProblem(headerIndex + 1, null, "The file has a header but no rows."));
        }

        return new RosterParseResult(rows, problems, dataRows);
    }

    public static string Label(string key)
    {
        var c = Columns.First(x => x.Key == key);
        return c.Chinese + " " + c.English;
    }

    /// <summary>A date from a cell: a real date, an Excel serial number (days since 1899-12-30), or text in a common Chinese or ISO form.</summary>
    public static DateOnly? ReadDate(object? value)
    {
        switch (value)
        {
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case DateOnly d:
                return d;
            case double or float or decimal or int or long:
                return FromSerial(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case string s:
                s = s.Trim();
                if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return DateOnly.FromDateTime(parsed);
                }

                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && s.All(ch => char.IsAsciiDigit(ch) || ch == '.')
                    ? FromSerial(serial)
                    : null;
            default:
                return null;
        }
    }

    private static DateOnly? FromSerial(double serial)
    {
        // Excel's serials run from 1 (1900-01-01) to 2958465 (9999-12-31); 60 is Excel's phantom 1900-02-29.
        if (serial < 1 || serial >= 2958466 || Math.Abs(serial - 60) < 1)
        {
            return null;
        }

        return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
    }

    private static HashSet<string> HeaderWords(string header)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in header.Split(['/', '|', '(', ')', '（', '）', '\n', ' ', '\u3000', ',', '，'], StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(part.Trim().ToLowerInvariant());
        }

        words.Add(new string(header.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant());
        return words;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static bool IsEmpty(object? v) => v is null || (v is string s && string.IsNullOrWhiteSpace(s));

    private static bool IsBlank(object?[] row) => row.All(IsEmpty);

    private static List<object?[]> ReadXlsx(Stream stream)
    {
        return BoundedXlsx.Query(stream, SheetLimits.Roster).ToList();
    }

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with BOM; anything that is not valid UTF-8 is read as GB18030, a superset of GBK.</summary>
    public static Encoding DetectEncoding(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return new UTF8Encoding(false);
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Encoding.Unicode;
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Encoding.BigEndianUnicode;
        }

        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
    }

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    private static List<object?[]> ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var encoding = DetectEncoding(bytes);
        var text = encoding.GetString(bytes);
        return BoundedCsv.Read(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, SheetLimits.Roster).Select(r => r.Cast<object?>().ToArray()).ToList();
    }
}

public sealed record RosterColumn(string Key, string Chinese, string English, bool Required, string[] Aliases);
