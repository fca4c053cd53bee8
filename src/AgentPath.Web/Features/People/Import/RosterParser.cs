using System.Globalization;
using System.Text;
using AgentPath.Web.Infrastructure.Files;

namespace AgentPath.Web.Features.People.Import;

/// <summary>One data row of a roster file, as read; <see cref="Line"/> is the row number a spreadsheet shows.
/// <see cref="Team"/> is a team name or "department/team"; <see cref="Department"/> is empty or the department's name
/// (a person without a team, such as HR or a trainer, has only a department). <see cref="Posts"/> are post names or codes as written.</summary>
public sealed record RosterRow(int Line, string EmployeeNumber, string Name, string? Phone, DateOnly HireDate, string Team, Stage Stage, int? ServiceLevel)
{
    public string Department { get; init; } = "";

    public IReadOnlyList<string> Posts { get; init; } = [];
}

/// <summary>
/// What of a row the database check needs (number, team, department, posts), for every data row, also one with
/// problems of its own: the file's reader and the database check report in one pass. A value that is
/// already refused by the reader (empty, too long, formula-like) is left empty here, so it is not reported twice.
/// </summary>
public sealed record RosterKeys(int Line, string EmployeeNumber, string Team, string Department, IReadOnlyList<string> Posts, Stage? Stage);

/// <summary>One allowed value, in both languages (a stage, a team, a post); the preview shows the one of the user.</summary>
public sealed record RosterChoice(string Chinese, string English);

/// <summary>
/// A reason a row (or the file) cannot be imported. <see cref="Message"/> is a resource key with {0}-style <see cref="Args"/>;
/// when <see cref="Choices"/> is set the message has one more placeholder, for the list of allowed values.
/// </summary>
public sealed record RosterProblem(int Line, string? Column, string Message, params string[] Args)
{
    /// <summary>The allowed values this problem names ("可选：…"), if any.</summary>
    public IReadOnlyList<RosterChoice>? Choices { get; init; }

    /// <summary>At most this many allowed values are listed; more end in "…".</summary>
    public const int MaxChoicesShown = 30;

    /// <summary>The message's arguments, with the allowed values (if any) as the last one, in Chinese or English.</summary>
    public object[] FormatArgs(bool chinese)
    {
        if (Choices is null)
        {
            return [.. Args];
        }

        var names = Choices.Take(MaxChoicesShown).Select(c => chinese ? c.Chinese : c.English).ToList();
        var list = string.Join(chinese ? "、" : ", ", names) + (Choices.Count > MaxChoicesShown ? (chinese ? "……" : ", …") : "");
        return [.. Args, list];
    }
}

/// <summary>The problems of one file, bounded: past <see cref="Max"/> only one closing problem says that there are more.</summary>
public sealed class RosterProblems
{
    public const int Max = 5_000;

    private readonly List<RosterProblem> _items = [];

    public int Count => _items.Count;

    public bool Full { get; private set; }

    public IReadOnlyList<RosterProblem> Items => _items;

    public void Add(RosterProblem p)
    {
        if (Full)
        {
            return;
        }

        if (_items.Count >= Max)
        {
            Full = true;
            return;
        }

        _items.Add(p);
    }

    /// <summary>The problems by row, each row's in the order of its columns, then (if any were left out) the closing one.</summary>
    public List<RosterProblem> ToList()
    {
        var order = RosterParser.Columns.Select((c, i) => (Label: RosterParser.Label(c.Key), i)).ToDictionary(x => x.Label, x => x.i, StringComparer.Ordinal);
        var list = _items.Select((p, i) => (p, i)).OrderBy(x => x.p.Line).ThenBy(x => x.p.Column is { } c && order.TryGetValue(c, out var k) ? k : -1).ThenBy(x => x.i)
            .Select(x => x.p).ToList();
        if (Full)
        {
            list.Add(new RosterProblem(0, null, "More than {0} problems; only the first {0} are listed. Fix them and check the file again.", Max.ToString(CultureInfo.InvariantCulture)));
        }

        return list;
    }
}

public sealed record RosterParseResult(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterProblem> Problems, int DataRows)
{
    /// <summary>Every data row's keys for the database check (<see cref="RosterKeys"/>).</summary>
    public IReadOnlyList<RosterKeys> Keys { get; init; } = [];
}

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

    /// <summary>
    /// The columns, in the template's order, each with the header words it is known by (Chinese and English).
    /// 班组 is required unless 部门 is given (a person without a team: HR, trainers, managers).
    /// </summary>
    public static readonly IReadOnlyList<RosterColumn> Columns =
    [
        new("EmployeeNumber", "工号", "Employee number", true, ["工号", "员工编号", "employeenumber", "employeeno", "empno"]),
        new("Name", "姓名", "Name", true, ["姓名", "name"]),
        new("Phone", "手机", "Phone", false, ["手机", "手机号", "电话", "phone", "mobile"]),
        new("HireDate", "入职日期", "Hire date", true, ["入职日期", "hiredate"]),
        new("Team", "班组", "Team", true, ["班组", "团队", "组别", "team"]),
        new("Stage", "阶段", "Stage", false, ["阶段", "stage"]),
        new("ServiceLevel", "服务等级", "Service level", false, ["服务等级", "servicelevel", "level"]),
        new("Post", "岗位", "Post", false, ["岗位", "post", "posts"]),
        new("Department", "部门", "Department", false, ["部门", "department", "dept"]),
    ];

    /// <summary>The stages a roster may name: the glossary's Chinese (and short forms), or the English names.</summary>
    private static readonly Dictionary<string, Stage> StageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["实习期"] = Stage.Induction, ["实习"] = Stage.Induction, ["见习期"] = Stage.Apprenticeship, ["见习"] = Stage.Apprenticeship,
        ["试用期"] = Stage.Probation, ["试用"] = Stage.Probation, ["正式员工"] = Stage.Regular, ["正式"] = Stage.Regular,
        ["淘汰"] = Stage.Eliminated, ["离职"] = Stage.Left,
    };

    /// <summary>The allowed stages as the template's drop-down and the refusals list them.</summary>
    public static readonly IReadOnlyList<RosterChoice> StageChoices =
    [
        new("实习期", "Induction"), new("见习期", "Apprenticeship"), new("试用期", "Probation"), new("正式员工", "Regular"),
        new("淘汰", "Eliminated"), new("离职", "Left"),
    ];

    /// <summary>The Chinese (glossary) name of a stage, as written into a roster.</summary>
    public static string StageName(Stage stage, bool chinese) => chinese ? StageChoices[(int)stage].Chinese : StageChoices[(int)stage].English;

    /// <summary>Several posts in one cell are separated by one of these.</summary>
    public static readonly char[] PostSeparators = ['、', ',', '，', ';', '；'];

    /// <summary>At most this many posts per person in one cell.</summary>
    public const int MaxPostsPerRow = 5;

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

    /// <summary>The latest hire date a roster may hold: a year after today at the center.</summary>
    public static DateOnly LatestHireDate(DateOnly today) => today.AddYears(1);

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

    /// <summary>
    /// Checks a table whose first non-empty row is the header. Every cell of every row is checked, and every
    /// problem reported, in one pass: a row with five mistakes shows five problems.
    /// </summary>
    public static RosterParseResult ParseTable(IReadOnlyList<object?[]> table, DateOnly today)
    {
        var problems = new RosterProblems();
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

        var missing = new List<RosterProblem>();
        foreach (var col in Columns.Where(c => c.Required && !map.ContainsKey(c.Key) && !(c.Key == "Team" && map.ContainsKey("Department"))))
        {
            missing.Add(new RosterProblem(headerIndex + 1, col.Chinese + " " + col.English, "Missing column \"{0}\".", col.Chinese + " / " + col.English));
        }

        if (missing.Count > 0)
        {
            return new RosterParseResult([], missing, 0);
        }

        var rows = new List<RosterRow>();
        var keys = new List<RosterKeys>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var dataRows = 0;
        var earliest = EmployeeEditor.EarliestHireDate;
        var latest = LatestHireDate(today);
        var dateRange = new[] { earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        var tooMany = false;
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
                tooMany = true;
                break;
            }

            var bad = 0;
            void Problem(RosterProblem p)
            {
                bad++;
                problems.Add(p);
            }

            object? Cell(string key) => map.TryGetValue(key, out var idx) && idx < cells.Length ? cells[idx] : null;

            // A text cell that starts like a formula would run as one when the sheet is opened again; its value is not checked further.
            var formula = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, idx) in map)
            {
                if (idx < cells.Length && cells[idx] is string s && FormulaGuard.IsFormulaLike(s))
                {
                    formula.Add(key);
                    Problem(new RosterProblem(line, Label(key), "\"{0}\" starts with a character a spreadsheet would run as a formula.", s.Length > 40 ? s[..40] : s));
                }
            }

            string Value(string key) => formula.Contains(key) ? "" : Text(Cell(key));

            var number = Employee.NormalizeNumber(Value("EmployeeNumber"));
            var name = Value("Name");
            var phone = Value("Phone");
            var team = Value("Team");
            var department = Value("Department");
            var numberOk = number.Length > 0;
            if (!formula.Contains("EmployeeNumber"))
            {
                Require(number, "EmployeeNumber");
            }

            if (!formula.Contains("Name"))
            {
                Require(name, "Name");
            }

            if (team.Length == 0 && department.Length == 0 && !formula.Contains("Team") && !formula.Contains("Department"))
            {
                Problem(new RosterProblem(line, Label("Team"), "\"{0}\" is empty: give the team, or the department of someone without a team.", Label("Team")));
            }

            if (number.Length > Employee.NumberMax)
            {
                numberOk = false;
                Problem(new RosterProblem(line, Label("EmployeeNumber"), "Too long (at most {0} characters).", Employee.NumberMax.ToString(CultureInfo.InvariantCulture)));
            }

            if (name.Length > Employee.NameMax)
            {
                Problem(new RosterProblem(line, Label("Name"), "Too long (at most {0} characters).", Employee.NameMax.ToString(CultureInfo.InvariantCulture)));
            }

            string? phoneValue = null;
            if (phone.Length > 0)
            {
                phoneValue = PhoneNumber.Normalize(phone);
                if (phoneValue is null)
                {
                    Problem(new RosterProblem(line, Label("Phone"), "\"{0}\" is not a phone number: write an 11-digit mobile number (13800138000) or a landline with its area code (020-12345678).", Clip(phone)));
                }
            }

            if (number.Length > 0)
            {
                if (seen.TryGetValue(number, out var first))
                {
                    Problem(new RosterProblem(line, Label("EmployeeNumber"), "Employee number {0} is already on line {1}.", number, first.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    seen[number] = line;
                }
            }

            DateOnly hire = default;
            var rawDate = formula.Contains("HireDate") ? "" : Cell("HireDate");
            if (IsEmpty(rawDate))
            {
                if (!formula.Contains("HireDate"))
                {
                    Require("", "HireDate");
                }
            }
            else if (ReadDate(rawDate) is not { } d || d < earliest || d > latest)
            {
                Problem(new RosterProblem(line, Label("HireDate"), "\"{0}\" is not a possible hire date: write a date such as 2026-12-01, from {1} to {2}.",
                    Clip(ShowCell(rawDate)), dateRange[0], dateRange[1]));
            }
            else
            {
                hire = d;
            }

            Stage? stage = Stage.Induction;
            var rawStage = Value("Stage");
            if (rawStage.Length > 0)
            {
                if (StageNames.TryGetValue(rawStage, out var zh))
                {
                    stage = zh;
                }
                else if (Enum.TryParse<Stage>(rawStage, ignoreCase: true, out var en) && !int.TryParse(rawStage, out _) && Enum.IsDefined(en))
                {
                    stage = en;
                }
                else
                {
                    stage = null;
                    Problem(new RosterProblem(line, Label("Stage"), "Unknown stage \"{0}\"; choose one of: {1}.", Clip(rawStage)) { Choices = StageChoices });
                }
            }

            if (stage == Stage.Apprenticeship && team.Length == 0 && !formula.Contains("Team"))
            {
                Problem(new RosterProblem(line, Label("Team"), "An apprentice needs a team: their team lead coaches them."));
            }

            int? level = null;
            var rawLevel = Value("ServiceLevel");
            if (rawLevel.Length > 0)
            {
                if (int.TryParse(rawLevel, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l is >= 1 and <= 9)
                {
                    level = l;
                }
                else
                {
                    Problem(new RosterProblem(line, Label("ServiceLevel"), "Service level must be a whole number from 1 to 9, not \"{0}\".", Clip(rawLevel)));
                }
            }

            var posts = Value("Post").Split(PostSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (posts.Count > MaxPostsPerRow)
            {
                Problem(new RosterProblem(line, Label("Post"), "At most {0} posts per person.", MaxPostsPerRow.ToString(CultureInfo.InvariantCulture)));
                posts = [];
            }

            keys.Add(new RosterKeys(line, numberOk ? number : "", team, department, posts, stage));
            if (bad == 0)
            {
                rows.Add(new RosterRow(line, number, name, phoneValue, hire, team, stage!.Value, level) { Department = department, Posts = posts });
            }

            void Require(string value, string key)
            {
                if (value.Length == 0)
                {
                    Problem(new RosterProblem(line, Label(key), "\"{0}\" is empty.", Label(key)));
                }
            }
        }

        var list = problems.ToList();
        if (tooMany)
        {
            list.Add(new RosterProblem(0, null, "The file has more than {0} rows; split it.", MaxRows.ToString(CultureInfo.InvariantCulture)));
        }

        if (dataRows == 0)
        {
            list.Add(new RosterProblem(headerIndex + 1, null, "The file has a header but no rows."));
        }

        return new RosterParseResult(rows, list, Math.Min(dataRows, MaxRows)) { Keys = keys };
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static string ShowCell(object? value) => value switch
    {
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

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
