using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace AgentPath.Web.Infrastructure.Files;

/// <summary>
/// A small .xlsx writer for what MiniExcel cannot write: several sheets (one hidden), column widths, a frozen
/// bold header, real date cells, and data validation — drop-down lists from named ranges, number and date
/// ranges, and the input prompt a spreadsheet shows on a cell (the notes of a template). Every text cell is
/// neutralised by <see cref="FormulaGuard"/>; nothing is ever written as a formula.
/// </summary>
public sealed class XlsxBook
{
    private readonly List<XlsxSheet> _sheets = [];
    private readonly List<(string Name, string Range)> _names = [];

    public XlsxSheet AddSheet(string name, bool hidden = false)
    {
        var sheet = new XlsxSheet(SheetName(name), hidden);
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>A workbook-level name (for list validations), e.g. RosterTeams → the lists sheet's column A.</summary>
    public void DefineName(string name, XlsxSheet sheet, int column, int firstRow, int lastRow) =>
        _names.Add((name, $"{Quote(sheet.Name)}!${XlsxSheet.ColumnName(column)}${firstRow}:${XlsxSheet.ColumnName(column)}${Math.Max(firstRow, lastRow)}"));

    public byte[] ToBytes()
    {
        if (_sheets.Count == 0 || _sheets.All(s => s.Hidden))
        {
            throw new InvalidOperationException("A workbook needs a visible sheet.");
        }

        var strings = new SharedStrings();
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes());
            Write(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Write(zip, "xl/workbook.xml", Workbook());
            Write(zip, "xl/_rels/workbook.xml.rels", WorkbookRels());
            Write(zip, "xl/styles.xml", Styles);
            for (var i = 0; i < _sheets.Count; i++)
            {
                Write(zip, $"xl/worksheets/sheet{i + 1}.xml", _sheets[i].Xml(strings, selected: i == 0));
            }

            Write(zip, "xl/sharedStrings.xml", strings.Xml());
        }

        return ms.ToArray();
    }

    private static void Write(ZipArchive zip, string path, string content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(content);
        stream.Write(bytes);
    }

    private string ContentTypes()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return sb.Append("</Types>").ToString();
    }

    private string Workbook()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<sheet name="{Esc(_sheets[i].Name)}" sheetId="{i + 1}"{(_sheets[i].Hidden ? " state=\"hidden\"" : "")} r:id="rId{i + 1}"/>""");
        }

        sb.Append("</sheets>");
        if (_names.Count > 0)
        {
            sb.Append("<definedNames>");
            foreach (var (name, range) in _names)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<definedName name="{Esc(name)}">{Esc(range)}</definedName>""");
            }

            sb.Append("</definedNames>");
        }

        return sb.Append("</workbook>").ToString();
    }

    private string WorkbookRels()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""");
        }

        var n = _sheets.Count;
        sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""");
        return sb.Append("</Relationships>").ToString();
    }

    /// <summary>Styles: 0 plain, 1 date (yyyy-mm-dd), 2 bold header, 3 wrapped text.</summary>
    private const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet" : clean;
    }

    private static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>For attribute values: line breaks kept as character references (a parser would turn them into spaces).</summary>
    internal static string EscAttr(string s) => Esc(s).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "&#10;", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal);

    internal static string Esc(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                default:
                    if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    internal sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];
        private int _count;

        public int Id(string s)
        {
            _count++;
            if (!_index.TryGetValue(s, out var id))
            {
                id = _items.Count;
                _index[s] = id;
                _items.Add(s);
            }

            return id;
        }

        public string Xml()
        {
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{_count}" uniqueCount="{_items.Count}">""");
            foreach (var s in _items)
            {
                sb.Append("<si><t xml:space=\"preserve\">").Append(Esc(s)).Append("</t></si>");
            }

            return sb.Append("</sst>").ToString();
        }
    }
}

/// <summary>One sheet of an <see cref="XlsxBook"/>: rows of cells (text, numbers, dates), widths, validations.</summary>
public sealed class XlsxSheet
{
    /// <summary>Excel's limits for a validation's prompt title and text.</summary>
    public const int PromptTitleMax = 32;
    public const int PromptMax = 255;

    private readonly List<object?[]> _rows = [];
    private readonly List<XlsxValidation> _validations = [];
    private readonly Dictionary<int, double> _widths = [];

    internal XlsxSheet(string name, bool hidden)
    {
        Name = name;
        Hidden = hidden;
    }

    public string Name { get; }

    public bool Hidden { get; }

    /// <summary>The first row is a header: bold, shaded and frozen.</summary>
    public bool HeaderRow { get; set; }

    /// <summary>Text cells wrap (for notes).</summary>
    public bool Wrap { get; set; }

    public int RowCount => _rows.Count;

    public XlsxSheet Row(params object?[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public XlsxSheet Width(int column, double width)
    {
        _widths[column] = width;
        return this;
    }

    public XlsxSheet Validate(XlsxValidation validation)
    {
        _validations.Add(validation);
        return this;
    }

    /// <summary>A (0-based) column's letters: 0 → A, 26 → AA.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name;
    }

    internal string Xml(XlsxBook.SharedStrings strings, bool selected)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">""");
        sb.Append("<sheetViews><sheetView workbookViewId=\"0\"").Append(selected ? " tabSelected=\"1\"" : "").Append('>');
        if (HeaderRow)
        {
            sb.Append("""<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>""");
        }

        sb.Append("</sheetView></sheetViews>");
        if (_widths.Count > 0)
        {
            sb.Append("<cols>");
            foreach (var (col, width) in _widths.OrderBy(w => w.Key))
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<col min="{col + 1}" max="{col + 1}" width="{width:0.##}" customWidth="1"/>""");
            }

            sb.Append("</cols>");
        }

        sb.Append("<sheetData>");
        for (var r = 0; r < _rows.Count; r++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            var cells = _rows[r];
            for (var c = 0; c < cells.Length; c++)
            {
                var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                var header = HeaderRow && r == 0;
                var style = header ? " s=\"2\"" : Wrap ? " s=\"3\"" : "";
                switch (cells[c])
                {
                    case null:
                        break;
                    case string s when s.Length == 0:
                        break;
                    case string s:
                        sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"{style}><v>{strings.Id(FormulaGuard.Neutralise(s))}</v></c>");
                        break;
                    case DateOnly d:
                        sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"1\"><v>{Serial(d)}</v></c>");
                        break;
                    case int or long or short or decimal or double or float:
                        sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"{style}><v>{Convert.ToString(cells[c], CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        var text = Convert.ToString(cells[c], CultureInfo.InvariantCulture) ?? "";
                        sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"{style}><v>{strings.Id(FormulaGuard.Neutralise(text))}</v></c>");
                        break;
                }
            }

            sb.Append("</row>");
        }

        sb.Append("</sheetData>");
        if (_validations.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<dataValidations count=\"{_validations.Count}\">");
            foreach (var v in _validations)
            {
                sb.Append(v.Xml());
            }

            sb.Append("</dataValidations>");
        }

        sb.Append("""<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>""");
        return sb.Append("</worksheet>").ToString();
    }

    /// <summary>Excel's serial of a date (days since 1899-12-30).</summary>
    public static int Serial(DateOnly d) => d.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}

public enum XlsxValidationType
{
    /// <summary>Only the input prompt (a note on the cell), no rule.</summary>
    None,
    /// <summary>A drop-down list; <see cref="XlsxValidation.Formula1"/> names the range (a defined name).</summary>
    List,
    /// <summary>A whole number between Formula1 and Formula2.</summary>
    Whole,
    /// <summary>A date between Formula1 and Formula2 (serials).</summary>
    Date,
}

/// <summary>
/// One data validation rule over a range (<see cref="Range"/>, e.g. "E2:E5001"). <see cref="Warn"/> lets the user keep a
/// value outside the rule after a warning (for a list where several values may be combined, such as posts).
/// </summary>
public sealed record XlsxValidation(string Range, XlsxValidationType Type, string? Formula1 = null, string? Formula2 = null)
{
    public string? PromptTitle { get; init; }
    public string? Prompt { get; init; }
    public string? ErrorTitle { get; init; }
    public string? Error { get; init; }
    public bool Warn { get; init; }

    internal string Xml()
    {
        static string Cut(string? s, int max) => s is null ? "" : s.Length > max ? s[..max] : s;
        var sb = new StringBuilder("<dataValidation");
        if (Type != XlsxValidationType.None)
        {
            sb.Append(" type=\"").Append(Type switch { XlsxValidationType.List => "list", XlsxValidationType.Whole => "whole", _ => "date" }).Append('"');
            if (Type is XlsxValidationType.Whole or XlsxValidationType.Date)
            {
                sb.Append(" operator=\"between\"");
            }
        }

        if (Warn)
        {
            sb.Append(" errorStyle=\"warning\"");
        }

        sb.Append(" allowBlank=\"1\"");
        if (Prompt is not null)
        {
            sb.Append(" showInputMessage=\"1\"");
        }

        if (Type != XlsxValidationType.None)
        {
            sb.Append(" showErrorMessage=\"1\"");
        }

        if (ErrorTitle is not null)
        {
            sb.Append(" errorTitle=\"").Append(XlsxBook.EscAttr(Cut(ErrorTitle, XlsxSheet.PromptTitleMax))).Append('"');
        }

        if (Error is not null)
        {
            sb.Append(" error=\"").Append(XlsxBook.EscAttr(Cut(Error, XlsxSheet.PromptMax))).Append('"');
        }

        if (PromptTitle is not null)
        {
            sb.Append(" promptTitle=\"").Append(XlsxBook.EscAttr(Cut(PromptTitle, XlsxSheet.PromptTitleMax))).Append('"');
        }

        if (Prompt is not null)
        {
            sb.Append(" prompt=\"").Append(XlsxBook.EscAttr(Cut(Prompt, XlsxSheet.PromptMax))).Append('"');
        }

        sb.Append(" sqref=\"").Append(Range).Append("\">");
        if (Formula1 is not null)
        {
            sb.Append("<formula1>").Append(XlsxBook.Esc(Formula1)).Append("</formula1>");
        }

        if (Formula2 is not null)
        {
            sb.Append("<formula2>").Append(XlsxBook.Esc(Formula2)).Append("</formula2>");
        }

        return sb.Append("</dataValidation>").ToString();
    }
}
