using System.IO.Compression;
using System.Text;
using AgentPath.Tests.Infrastructure;

namespace AgentPath.Tests.Integrity;

/// <summary>Clients in Chinese, the file store's contents, and the generated bombs for the edge tests.</summary>
public static class EdgeHelpers
{
    /// <summary>A bearer client whose caller reads Chinese.</summary>
    public static async Task<HttpClient> ChineseBearerAsync(this AppFactory factory, string user)
    {
        var client = await factory.BearerAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    /// <summary>Every string in a JSON body (titles, problem messages), or the body itself when it is not JSON (a page).</summary>
    public static string Texts(string body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            var all = new List<string>();
            void Walk(System.Text.Json.JsonElement e)
            {
                switch (e.ValueKind)
                {
                    case System.Text.Json.JsonValueKind.String: all.Add(e.GetString()!); break;
                    case System.Text.Json.JsonValueKind.Object: foreach (var p in e.EnumerateObject()) { Walk(p.Value); } break;
                    case System.Text.Json.JsonValueKind.Array: foreach (var x in e.EnumerateArray()) { Walk(x); } break;
                }
            }

            Walk(doc.RootElement);
            return string.Join("\n", all);
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }

    /// <summary>Every file now in the file store (any area).</summary>
    public static int StoredFiles(this AppFactory factory) =>
        factory.Services is not null && Directory.Exists(factory.FilesRoot) ? Directory.GetFiles(factory.FilesRoot, "*", SearchOption.AllDirectories).Length : 0;
}

/// <summary>
/// Zip bombs made by the test (no binaries shipped): an .xlsx whose one sheet inflates to 1.1 GB of
/// rows, and one whose shared strings hold a single 1.1 GB cell; each also with its zip headers
/// patched to declare a few KB, so that only counting the inflated bytes can catch it.
/// </summary>
public static class Bombs
{
    public const long Inflated = 1_100L * 1024 * 1024;

    private static readonly Lazy<byte[]> RowsBomb = new(() => Make(rows: true, Inflated));
    private static readonly Lazy<byte[]> CellBomb = new(() => Make(rows: false, Inflated));

    public static byte[] Get(string name) => name switch
    {
        "rows" => RowsBomb.Value,
        "cell" => CellBomb.Value,
        "rows-lying" => Lie(RowsBomb.Value),
        "cell-lying" => Lie(CellBomb.Value),
        // Within the unpacked limit, honest headers: only the XML scan (rows; characters of one cell) can refuse these.
        "rows-150k" => Make(rows: true, 150_000L * 110),
        "cell-50mb" => Make(rows: false, 50L * 1024 * 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Make(bool rows, long size)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Put(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Put(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Put(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Put(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            const string Head = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";
            const string Tail = "</sheetData></worksheet>";
            if (rows)
            {
                Put(zip, "xl/sharedStrings.xml", """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>""");
                const string Row = """<row><c t="s"><v>0</v></c><c t="s"><v>0</v></c><c t="s"><v>0</v></c><c t="s"><v>0</v></c><c t="s"><v>0</v></c></row>""";
                Stream(zip, "xl/worksheets/sheet1.xml", Head, Row, Tail, size);
            }
            else
            {
                Put(zip, "xl/worksheets/sheet1.xml", Head + """<row><c t="s"><v>0</v></c></row>""" + Tail);
                Stream(zip, "xl/sharedStrings.xml", """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""",
                    new string('A', 4096), "</t></si></sst>", size);
            }
        }

        return ms.ToArray();
    }

    private static void Put(ZipArchive zip, string name, string text)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        w.Write(text);
    }

    private static void Stream(ZipArchive zip, string name, string head, string repeat, string tail, long size)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        s.Write(Encoding.UTF8.GetBytes(head));
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeat, Math.Max(1, 65536 / repeat.Length))));
        for (long n = 0; n < size; n += block.Length)
        {
            s.Write(block);
        }

        s.Write(Encoding.UTF8.GetBytes(tail));
    }

    /// <summary>The same bytes with every local and central header declaring 4 KB unpacked.</summary>
    private static byte[] Lie(byte[] zip)
    {
        var b = (byte[])zip.Clone();
        for (var i = 0; i + 46 < b.Length; i++)
        {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4)
            {
                BitConverter.TryWriteBytes(b.AsSpan(i + 22, 4), 4096u);
            }
            else if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2)
            {
                BitConverter.TryWriteBytes(b.AsSpan(i + 24, 4), 4096u);
            }
        }

        return b;
    }
}
