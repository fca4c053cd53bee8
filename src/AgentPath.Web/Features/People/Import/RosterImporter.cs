using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.People.Import;

/// <summary>
/// An uploaded roster waiting for confirmation. The file sits in the file store under an app-chosen
/// key; committing reads it again and imports every row in one transaction, or nothing.
/// </summary>
public sealed class RosterImport : IAudited
{
    public const int FileNameMax = 255;

    public Guid Id { get; private set; }
    public int UploadedBy { get; private set; }
    public string FileName { get; private set; } = "";
    public string FileKey { get; private set; } = "";
    public RosterFormat Format { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public int Rows { get; private set; }
    public DateTimeOffset? CommittedAt { get; private set; }

    private RosterImport() { }

    public RosterImport(int uploadedBy, string fileName, string fileKey, RosterFormat format, DateTimeOffset at, int rows)
    {
        Id = Guid.NewGuid();
        UploadedBy = uploadedBy;
        FileName = fileName.Length > FileNameMax ? fileName[..FileNameMax] : fileName;
        FileKey = fileKey;
        Format = format;
        UploadedAt = at;
        Rows = rows;
    }

    public void MarkCommitted(DateTimeOffset at)
    {
        if (CommittedAt is not null)
        {
            throw new DomainException("This file has already been imported.");
        }

        CommittedAt = at;
    }
}

internal sealed class RosterImportConfiguration : IEntityTypeConfiguration<RosterImport>
{
    public void Configure(EntityTypeBuilder<RosterImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(RosterImport.FileNameMax);
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(8);
    }
}

public sealed record RosterPreview(Guid? ImportId, string FileName, int DataRows, int Importable, IReadOnlyList<RosterProblem> Problems, IReadOnlyList<RosterRow> Sample);

public sealed record RosterCommitResult(int Imported, IReadOnlyList<RosterProblem> Problems);

/// <summary>Checks a roster against the database (existing numbers, teams) and imports it all-or-nothing.</summary>
public sealed class RosterImporter(AppDbContext db, FileStore files, TimeProvider time)
{
    public const long MaxFileBytes = Infrastructure.RequestLimits.MaxBodyBytes;

    public async Task<RosterPreview> PreviewAsync(Stream upload, string fileName, int userId, CancellationToken ct = default)
    {
        var safeName = Path.GetFileName(fileName ?? "");
        if (RosterParser.FormatOf(safeName) is not { } format)
        {
            return new RosterPreview(null, safeName, 0, 0, [new RosterProblem(0, null, "Upload an .xlsx or .csv file.")], []);
        }

        StoredFile stored;
        try
        {
            stored = await files.SaveAsync("imports", upload, MaxFileBytes, ct);
        }
        catch (FileTooLargeException)
        {
            return new RosterPreview(null, safeName, 0, 0, [new RosterProblem(0, null, "The file is too large.")], []);
        }

        if (stored.Length == 0)
        {
            files.Delete(stored.Key);
            return new RosterPreview(null, safeName, 0, 0, [new RosterProblem(0, null, "The file is empty.")], []);
        }

        RosterParseResult parsed;
        List<RosterProblem> problems;
        try
        {
            (parsed, problems) = await CheckAsync(stored.Key, format, ct);
        }
        catch
        {
            // No row will point at this file: it goes now, not some day by hand.
            files.Delete(stored.Key);
            throw;
        }

        if (problems.Count > 0)
        {
            // A file with problems cannot be confirmed (the page offers no button, a commit checks again):
            // keeping it would leave a file no one can use. Nothing is kept; the user fixes and uploads again.
            files.Delete(stored.Key);
            return new RosterPreview(null, safeName, parsed.DataRows, 0, problems, parsed.Rows.Take(10).ToList());
        }

        var import = new RosterImport(userId, safeName, stored.Key, format, time.GetUtcNow(), parsed.DataRows);
        db.Add(import);
        await db.SaveChangesAsync(ct);
        var importable = problems.Count == 0 ? parsed.Rows.Count : 0;
        return new RosterPreview(import.Id, safeName, parsed.DataRows, importable, problems, parsed.Rows.Take(10).ToList());
    }

    /// <summary>Imports every row, in one transaction, if the file is still clean; otherwise nothing and the problems.</summary>
    public async Task<RosterCommitResult?> CommitAsync(Guid importId, int userId, CancellationToken ct = default)
    {
        var import = await db.Set<RosterImport>().FirstOrDefaultAsync(i => i.Id == importId && i.UploadedBy == userId, ct);
        if (import?.CommittedAt is not null)
        {
            return new RosterCommitResult(0, [new RosterProblem(0, null, "This file has already been imported.")]);
        }

        if (import is null || !files.Exists(import.FileKey))
        {
            return null;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One commit per import: claim it with a conditional update; a parallel commit waits, finds it taken and adds no one.
        if (await db.Set<RosterImport>().Where(i => i.Id == importId && i.CommittedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.CommittedAt, time.GetUtcNow()), ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return new RosterCommitResult(0, [new RosterProblem(0, null, "This file has already been imported.")]);
        }

        var (parsed, problems) = await CheckAsync(import.FileKey, import.Format, ct);
        if (problems.Count > 0)
        {
            await tx.RollbackAsync(ct);
            return new RosterCommitResult(0, problems);
        }

        var teams = await TeamLookupAsync(ct);
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var row in parsed.Rows)
            {
                var team = teams.Resolve(row.Team)!;
                var e = new Employee(row.EmployeeNumber, row.Name, row.HireDate, team.Department, team, row.Stage);
                e.UpdateDetails(row.Name, row.Phone, row.ServiceLevel);
                db.Employees.Add(e);
            }

            import.MarkCommitted(time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
        }

        await tx.CommitAsync(ct);
        files.Delete(import.FileKey);
        return new RosterCommitResult(parsed.Rows.Count, []);
    }

    private async Task<(RosterParseResult Parsed, List<RosterProblem> Problems)> CheckAsync(string key, RosterFormat format, CancellationToken ct)
    {
        RosterParseResult parsed;
        await using (var stream = files.OpenRead(key))
        {
            parsed = RosterParser.Parse(stream, format, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        }

        var problems = parsed.Problems.ToList();
        if (parsed.Rows.Count == 0)
        {
            return (parsed, problems);
        }

        var numbers = parsed.Rows.Select(r => r.EmployeeNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in numbers.Chunk(500))
        {
            existing.UnionWith(await db.Employees.Where(e => chunk.Contains(e.EmployeeNumber)).Select(e => e.EmployeeNumber).ToListAsync(ct));
        }

        var teams = await TeamLookupAsync(ct);
        foreach (var row in parsed.Rows)
        {
            if (existing.Contains(row.EmployeeNumber))
            {
                problems.Add(new RosterProblem(row.Line, RosterParser.Label("EmployeeNumber"), "Employee number {0} already exists.", row.EmployeeNumber));
            }

            switch (teams.Match(row.Team))
            {
                case 0:
                    problems.Add(new RosterProblem(row.Line, RosterParser.Label("Team"), "Unknown team \"{0}\".", row.Team));
                    break;
                case > 1:
                    problems.Add(new RosterProblem(row.Line, RosterParser.Label("Team"), "\"{0}\" names teams in several departments; write department/team.", row.Team));
                    break;
            }
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (parsed, problems);
    }

    private async Task<TeamLookup> TeamLookupAsync(CancellationToken ct) =>
        new(await db.Teams.Include(t => t.Department).ToListAsync(ct));

    /// <summary>Finds a team by its name, or by "department/team" when the name is used in several departments.</summary>
    private sealed class TeamLookup(List<Team> teams)
    {
        private readonly ILookup<string, Team> _byName = teams.ToLookup(t => t.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Team> _byPath = teams.ToDictionary(t => t.Department.Name.Trim() + "/" + t.Name.Trim(), StringComparer.OrdinalIgnoreCase);

        public int Match(string text) => _byPath.ContainsKey(Normalize(text)) ? 1 : _byName[text.Trim()].Count();

        public Team? Resolve(string text) =>
            _byPath.TryGetValue(Normalize(text), out var t) ? t : _byName[text.Trim()].SingleOrDefault();

        private static string Normalize(string s) => string.Join("/", s.Split('/', '／').Select(p => p.Trim()));
    }

    /// <summary>The template: bilingual headers and one example row.</summary>
    public static byte[] Template()
    {
        var header = RosterParser.Columns.Select(c => c.Chinese + " / " + c.English).ToList();
        var example = new Dictionary<string, object>[]
        {
            new()
            {
                [header[0]] = "A20261201", [header[1]] = "张伟", [header[2]] = "13800138000", [header[3]] = "2026-12-01",
                [header[4]] = "咨询一组", [header[5]] = "实习期", [header[6]] = "",
            },
        };
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, example, excelType: MiniExcelLibs.ExcelType.XLSX);
        return ms.ToArray();
    }
}
