using System.Globalization;
using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;

namespace AgentPath.Web.Infrastructure.Files;

/// <summary>
/// The limits one kind of spreadsheet import accepts. A file beyond any of them is refused before
/// a row is materialised, with a message naming the limit.
/// </summary>
public sealed record SheetLimits(int MaxRows, int MaxCellsPerRow, int MaxCellChars, long MaxInflatedBytes, int MaxLineChars)
{
    /// <summary>Zip parts an .xlsx may hold (a workbook has a few dozen; thousands is a crafted file).</summary>
    public const int MaxEntries = 2_000;

    /// <summary>Excel's own limit for the characters of a cell.</summary>
    public const int ExcelCellChars = 32_767;

    /// <summary>Roster (花名册): 100,000 people.</summary>
    public static readonly SheetLimits Roster = new(100_000 + 100, 256, ExcelCellChars, 200L * 1024 * 1024, 64 * 1024);

    /// <summary>Question bank: 10,000 questions (plus the rows above the header).</summary>
    public static readonly SheetLimits Questions = new(10_000 + 100, 256, ExcelCellChars, 200L * 1024 * 1024, 256 * 1024);

    /// <summary>Bulk call registration: a day of a large center is about 270,000 rows; the importer allows a million.</summary>
    public static readonly SheetLimits Recordings = new(1_000_000 + 100, 256, ExcelCellChars, 1024L * 1024 * 1024, 64 * 1024);

    public static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>An input beyond a limit; <see cref="Exception.Message"/> is the resource key, <see cref="Args"/> its arguments.</summary>
public sealed class InputLimitException(string message, params string[] args) : Exception(message)
{
    public IReadOnlyList<string> Args { get; } = args;

    public const string TooManyParts = "The file holds more than {0} parts; it is not a normal .xlsx file.";
    public const string TooLargeUnpacked = "The file unpacks to more than {0} MB; split it.";
    public const string TooManyRows = "The sheet has more than {0} rows; split it.";
    public const string TooManyCells = "Row {0} has more than {1} cells.";
    public const string CellTooLong = "A cell holds more than {0} characters (the limit of a spreadsheet cell).";
    public const string LineTooLong = "Line {0} is longer than {1} characters.";

    public static readonly IReadOnlySet<string> Messages = new HashSet<string>(StringComparer.Ordinal)
    {
        TooManyParts, TooLargeUnpacked, TooManyRows, TooManyCells, CellTooLong, LineTooLong,
    };
}

/// <summary>
/// The one way an uploaded .xlsx is opened. Before MiniExcel materialises anything, the zip's
/// directory is checked (parts, declared unpacked sizes), then every part is inflated once as a
/// stream with the bytes counted as they come out (a lying header does not help), and the sheets
/// and shared strings are read with an <see cref="XmlReader"/> that counts rows, cells per row and
/// the characters of each cell in small chunks. Only a file within every limit reaches MiniExcel.
/// </summary>
public static class BoundedXlsx
{
    /// <summary>Refuses the file with <see cref="InputLimitException"/> if it is beyond <paramref name="limits"/>; leaves the stream at 0.</summary>
    public static void Check(Stream stream, SheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        stream.Position = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > SheetLimits.MaxEntries)
            {
                throw new InputLimitException(InputLimitException.TooManyParts, SheetLimits.MaxEntries.ToString(CultureInfo.InvariantCulture));
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length > limits.MaxInflatedBytes || declared > limits.MaxInflatedBytes)
                {
                    throw TooLarge(limits);
                }
            }

            var counter = new InflatedCounter(limits);
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                using var raw = entry.Open();
                using var counted = new CountingStream(raw, counter);
                if (name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    ScanXml(counted, limits, sheet: true);
                }
                else if (name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
                {
                    ScanXml(counted, limits, sheet: false);
                }
                else
                {
                    counted.CopyTo(Stream.Null);
                }
            }
        }

        stream.Position = 0;
    }

    /// <summary>The rows of a sheet (the first when <paramref name="sheetName"/> is null) of a file within <paramref name="limits"/>.</summary>
    public static IEnumerable<object?[]> Query(Stream stream, SheetLimits limits, string? sheetName = null)
    {
        Check(stream, limits);
        return Rows(stream, sheetName);
    }

    /// <summary>The sheet names of a file within <paramref name="limits"/>.</summary>
    public static List<string> SheetNames(Stream stream, SheetLimits limits)
    {
        Check(stream, limits);
        var names = MiniExcel.GetSheetNames(stream);
        stream.Position = 0;
        return names;
    }

    /// <summary>The rows of a sheet of a file already checked by <see cref="Check"/>.</summary>
    public static IEnumerable<object?[]> Rows(Stream stream, string? sheetName)
    {
        stream.Position = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX))
        {
            yield return row.Values.ToArray();
        }
    }

    private static InputLimitException TooLarge(SheetLimits limits) =>
        new(InputLimitException.TooLargeUnpacked, SheetLimits.Megabytes(limits.MaxInflatedBytes));

    private static void ScanXml(Stream xml, SheetLimits limits, bool sheet)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(xml, settings);
        var buffer = new char[4096];
        var rows = 0;
        var cells = 0;
        long cellChars = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when sheet && reader.LocalName == "row":
                    rows++;
                    cells = 0;
                    if (rows > limits.MaxRows)
                    {
                        throw new InputLimitException(InputLimitException.TooManyRows, (limits.MaxRows - 100).ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case XmlNodeType.Element when sheet && reader.LocalName == "c":
                    cellChars = 0;
                    if (++cells > limits.MaxCellsPerRow)
                    {
                        throw new InputLimitException(InputLimitException.TooManyCells, rows.ToString(CultureInfo.InvariantCulture), limits.MaxCellsPerRow.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case XmlNodeType.Element when !sheet && reader.LocalName == "si":
                    cellChars = 0;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // In chunks: a text node is never materialised whole.
                    int read;
                    while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        cellChars += read;
                        if (cellChars > limits.MaxCellChars)
                        {
                            throw new InputLimitException(InputLimitException.CellTooLong, limits.MaxCellChars.ToString(CultureInfo.InvariantCulture));
                        }
                    }

                    break;
            }
        }
    }

    private sealed class InflatedCounter(SheetLimits limits)
    {
        private long _total;

        public void Add(int bytes)
        {
            _total += bytes;
            if (_total > limits.MaxInflatedBytes)
            {
                throw TooLarge(limits);
            }
        }
    }

    /// <summary>Counts the bytes as they inflate; refuses past the limit whatever the zip header said.</summary>
    private sealed class CountingStream(Stream inner, InflatedCounter counter) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            counter.Add(n);
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            counter.Add(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Limits for CSV text: rows, characters per field and per line.</summary>
public static class BoundedCsv
{
    /// <summary>The rows of <paramref name="text"/>, refusing with <see cref="InputLimitException"/> past <paramref name="limits"/>.</summary>
    public static IEnumerable<string[]> Read(string text, SheetLimits limits)
    {
        var line = 0;
        foreach (var row in Csv.Read(text, limits))
        {
            line++;
            if (line > limits.MaxRows)
            {
                throw new InputLimitException(InputLimitException.TooManyRows, (limits.MaxRows - 100).ToString(CultureInfo.InvariantCulture));
            }

            if (row.Length > limits.MaxCellsPerRow)
            {
                throw new InputLimitException(InputLimitException.TooManyCells, line.ToString(CultureInfo.InvariantCulture), limits.MaxCellsPerRow.ToString(CultureInfo.InvariantCulture));
            }

            yield return row;
        }
    }
}
