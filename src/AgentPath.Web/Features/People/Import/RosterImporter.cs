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

        var org = await OrgLookupAsync(ct);
        var teamsById = await db.Teams.Include(t => t.Department).ToDictionaryAsync(t => t.Id, ct);
        var departmentsById = teamsById.Values.Select(t => t.Department).Concat(await db.Departments.ToListAsync(ct)).DistinctBy(d => d.Id).ToDictionary(d => d.Id);
        var postsById = await db.Posts.ToDictionaryAsync(p => p.Id, ct);
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var row in parsed.Rows)
            {
                var department = org.Department(row.Department);
                var team = row.Team.Length > 0 ? org.Resolve(row.Team, department) : null;
                var place = team is not null ? teamsById[team.Id] : null;
                var e = new Employee(row.EmployeeNumber, row.Name, row.HireDate, place?.Department ?? departmentsById[department!.Id], place, row.Stage);
                e.UpdateDetails(row.Name, row.Phone, row.ServiceLevel);
                if (row.Posts.Count > 0)
                {
                    e.SetPosts(row.Posts.Select(p => postsById[org.Post(p)!.Id]));
                }

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

    /// <summary>The template: the center's teams, stages, posts and departments as drop-downs, notes on every column, one example row.</summary>
    public async Task<byte[]> TemplateAsync(bool chinese, Microsoft.Extensions.Localization.IStringLocalizer text, CancellationToken ct = default)
    {
        var org = await OrgLookupAsync(ct);
        var team = org.Teams.FirstOrDefault();
        var post = org.Posts.FirstOrDefault();
        var today = Today;
        object?[] example = RosterSheets.Row("A" + today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), chinese ? "张伟" : "Zhang Wei", "13800138000", today,
            team?.Name, Stage.Induction, null, post is null ? [] : [chinese ? post.Name : post.NameEn], team?.Department.Name ?? org.Departments.FirstOrDefault()?.Name ?? "", chinese);
        return RosterSheets.Workbook(org, [example], chinese, text, today);
    }

    private DateOnly Today => CenterClock.DateOf(time.GetUtcNow());

    /// <summary>
    /// The file's own problems, then the database's for every row — also a row with problems of its own, so that all
    /// of a row's mistakes show at once: numbers already in the center, unknown departments, teams and posts (each
    /// refusal lists what is allowed).
    /// </summary>
    private async Task<(RosterParseResult Parsed, List<RosterProblem> Problems)> CheckAsync(string key, RosterFormat format, CancellationToken ct)
    {
        RosterParseResult parsed;
        await using (var stream = files.OpenRead(key))
        {
            parsed = RosterParser.Parse(stream, format, Today);
        }

        var problems = parsed.Problems.ToList();
        if (parsed.Keys.Count == 0)
        {
            return (parsed, problems);
        }

        var numbers = parsed.Keys.Where(k => k.EmployeeNumber.Length > 0).Select(k => k.EmployeeNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in numbers.Chunk(500))
        {
            existing.UnionWith(await db.Employees.Where(e => chunk.Contains(e.EmployeeNumber)).Select(e => e.EmployeeNumber).ToListAsync(ct));
        }

        var org = await OrgLookupAsync(ct);
        var added = 0;
        foreach (var row in parsed.Keys)
        {
            if (added >= RosterProblems.Max)
            {
                break;
            }

            var before = problems.Count;
            if (row.EmployeeNumber.Length > 0 && existing.Contains(row.EmployeeNumber))
            {
                problems.Add(new RosterProblem(row.Line, RosterParser.Label("EmployeeNumber"), "Employee number {0} already exists.", row.EmployeeNumber));
            }

            problems.AddRange(org.Check(row));
            added += problems.Count - before;
        }

        var order = RosterParser.Columns.Select((c, i) => (Label: RosterParser.Label(c.Key), i)).ToDictionary(x => x.Label, x => x.i, StringComparer.Ordinal);
        problems = problems.Select((p, i) => (p, i)).OrderBy(x => x.p.Line == 0 ? int.MaxValue : x.p.Line)
            .ThenBy(x => x.p.Column is { } c && order.TryGetValue(c, out var k) ? k : -1).ThenBy(x => x.i).Select(x => x.p).ToList();
        return (parsed, problems);
    }

    private async Task<OrgLookup> OrgLookupAsync(CancellationToken ct) =>
        new(await db.Teams.AsNoTracking().Include(t => t.Department).OrderBy(t => t.DepartmentId).ThenBy(t => t.Id).ToListAsync(ct),
            await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct),
            await db.Posts.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct));

    /// <summary>
    /// Finds departments, teams and posts as a roster writes them: a team by its name, or by "department/team" (or
    /// the department column) when the name is used in several departments; a post by its Chinese or English name or its code.
    /// </summary>
    internal sealed class OrgLookup(List<Team> teams, List<Department> departments, List<Post> posts)
    {
        private readonly ILookup<string, Team> _byName = teams.ToLookup(t => t.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Team> _byPath = teams.GroupBy(t => Path(t)).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Department> _departments = departments.GroupBy(d => d.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Post> _posts = PostIndex(posts);

        public List<Team> Teams => teams;
        public List<Department> Departments => departments;
        public List<Post> Posts => posts;

        private static string Path(Team t) => t.Department.Name.Trim() + "/" + t.Name.Trim();

        private static Dictionary<string, Post> PostIndex(List<Post> posts)
        {
            var d = new Dictionary<string, Post>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in posts)
            {
                d.TryAdd(p.Name.Trim(), p);
                d.TryAdd(p.NameEn.Trim(), p);
                d.TryAdd(p.Code.Trim(), p);
            }

            return d;
        }

        /// <summary>How a team is written so that it names one team: its name, or department/team when the name is used twice.</summary>
        public string TeamText(Team t) => _byName[t.Name.Trim()].Count() > 1 ? Path(t) : t.Name;

        /// <summary>The allowed teams: all, or those of one department.</summary>
        public IReadOnlyList<RosterChoice> TeamChoices(Department? of = null) =>
            teams.Where(t => of is null || t.DepartmentId == of.Id).Select(t => of is null ? TeamText(t) : t.Name).Select(n => new RosterChoice(n, n)).ToList();

        public IReadOnlyList<RosterChoice> DepartmentChoices => departments.Select(d => new RosterChoice(d.Name, d.Name)).ToList();

        public IReadOnlyList<RosterChoice> PostChoices => posts.Select(p => new RosterChoice(p.Name, p.NameEn)).ToList();

        public IEnumerable<RosterProblem> Check(RosterKeys row)
        {
            var teamLabel = RosterParser.Label("Team");
            Department? department = null;
            if (row.Department.Length > 0)
            {
                if (!_departments.TryGetValue(row.Department.Trim(), out department))
                {
                    yield return new RosterProblem(row.Line, RosterParser.Label("Department"), "Unknown department \"{0}\"; choose one of: {1}.", row.Department) { Choices = DepartmentChoices };
                }
            }

            if (row.Team.Length > 0)
            {
                var text = Normalize(row.Team);
                if (department is not null && !text.Contains('/', StringComparison.Ordinal))
                {
                    if (!_byPath.ContainsKey(department.Name.Trim() + "/" + text))
                    {
                        yield return new RosterProblem(row.Line, teamLabel, "Department {0} has no team \"{1}\"; choose one of: {2}.", department.Name, row.Team) { Choices = TeamChoices(department) };
                    }
                }
                else if (row.Department.Length == 0 || department is not null)
                {
                    var team = Resolve(text, null);
                    var count = text.Contains('/', StringComparison.Ordinal) ? (_byPath.ContainsKey(text) ? 1 : 0) : _byName[text].Count();
                    if (count == 0)
                    {
                        yield return new RosterProblem(row.Line, teamLabel, "Unknown team \"{0}\"; choose one of: {1}.", row.Team) { Choices = TeamChoices() };
                    }
                    else if (count > 1)
                    {
                        yield return new RosterProblem(row.Line, teamLabel, "\"{0}\" names teams in several departments; write department/team.", row.Team);
                    }
                    else if (department is not null && team is not null && team.DepartmentId != department.Id)
                    {
                        yield return new RosterProblem(row.Line, teamLabel, "Team {0} belongs to {1}, not to {2}.", team.Name, team.Department.Name, department.Name);
                    }
                }
            }

            foreach (var post in row.Posts)
            {
                if (!_posts.ContainsKey(post))
                {
                    yield return new RosterProblem(row.Line, RosterParser.Label("Post"), "Unknown post \"{0}\"; choose from: {1} (several separated by 、).", post) { Choices = PostChoices };
                }
            }
        }

        public Team? Resolve(string text, Department? department)
        {
            var t = Normalize(text);
            if (department is not null && !t.Contains('/', StringComparison.Ordinal))
            {
                return _byPath.GetValueOrDefault(department.Name.Trim() + "/" + t);
            }

            return _byPath.TryGetValue(t, out var byPath) ? byPath : _byName[t].Count() == 1 ? _byName[t].Single() : null;
        }

        public Department? Department(string name) => name.Length == 0 ? null : _departments.GetValueOrDefault(name.Trim());

        public Post? Post(string name) => _posts.GetValueOrDefault(name.Trim());

        private static string Normalize(string s) => string.Join("/", s.Split('/', '／').Select(p => p.Trim()));
    }
}
