using System.Text.RegularExpressions;

namespace AgentPath.Tests.Authorization;

/// <summary>authorization-matrix.md, read as data: one row per endpoint, one column per role.</summary>
public sealed partial class AuthorizationMatrix
{
    public const string Anonymous = "anonymous";

    public static readonly string[] Columns =
    [
        Anonymous, "Agent", "TeamLead", "Supervisor", "Trainer", "QaInspector", "Hr", "DepartmentManager", "GeneralManager", "SystemAdmin",
    ];

    public sealed record Row(string Endpoint, string Record, IReadOnlyDictionary<string, string> Expect)
    {
        public bool IsApi => Endpoint.Contains(" /api/", StringComparison.Ordinal) || Endpoint.Contains(" /openapi/", StringComparison.Ordinal) || Endpoint.EndsWith(" /health", StringComparison.Ordinal);

        /// <summary>The request for a record; <paramref name="rev"/> fills a <c>{rev}</c> (a plan revision's number) when the record has one.</summary>
        public (HttpMethod Method, string Path) Request(int? id, int? rev = null)
        {
            var space = Endpoint.IndexOf(' ', StringComparison.Ordinal);
            var verb = Endpoint[..space];
            var path = Param().Replace(Endpoint[(space + 1)..], m => m.Groups[1].Value switch
            {
                "documentName" => "v1",
                "rev" when rev is not null => rev.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ when m.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "1",
            });
            return (verb is "PAGE" or "ANY" ? HttpMethod.Get : new HttpMethod(verb), path);
        }
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Param();

    public IReadOnlyList<Row> Rows { get; }

    private AuthorizationMatrix(IReadOnlyList<Row> rows) => Rows = rows;

    public static AuthorizationMatrix Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Authorization", "authorization-matrix.md");
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(path).Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            if (cells[0] == "Endpoint" || cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            if (cells.Length != Columns.Length + 2)
            {
                throw new FormatException($"Row has {cells.Length} cells, expected {Columns.Length + 2}: {line}");
            }

            var expect = Columns.Select((c, i) => (c, cells[i + 2])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
            rows.Add(new Row(cells[0], cells[1], expect));
        }

        return new AuthorizationMatrix(rows);
    }

    /// <summary>The "Lists" section: the pages declared to list people (each must scope every list to the viewer's data scope).</summary>
    public static IReadOnlyList<string> LoadLists()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Authorization", "authorization-matrix.md");
        var inLists = false;
        var pages = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inLists = line.Trim() == "## Lists";
                continue;
            }

            if (inLists && line.StartsWith("- `", StringComparison.Ordinal))
            {
                pages.Add(line[3..line.IndexOf('`', 3)]);
            }
        }

        return pages;
    }
}
