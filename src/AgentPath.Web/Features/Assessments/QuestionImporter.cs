using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments.Formats;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Assessments;

public enum QuestionFileFormat
{
    Xlsx,
    Gift,
    MoodleXml,
}

/// <summary>A question file waiting for confirmation. Committing reads it again and imports all of it in one transaction, or nothing.</summary>
public sealed class QuestionImport : IAudited
{
    public Guid Id { get; private set; }
    public int UploadedBy { get; private set; }
    public string FileName { get; private set; } = "";
    public string FileKey { get; private set; } = "";
    public QuestionFileFormat Format { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public int Imported { get; private set; }
    public DateTimeOffset? CommittedAt { get; private set; }

    private QuestionImport() { }

    public QuestionImport(int uploadedBy, string fileName, string fileKey, QuestionFileFormat format, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        UploadedBy = uploadedBy;
        FileName = fileName.Length > 255 ? fileName[..255] : fileName;
        FileKey = fileKey;
        Format = format;
        UploadedAt = at;
    }

    public void MarkCommitted(int imported, DateTimeOffset at)
    {
        if (CommittedAt is not null)
        {
            throw new DomainException("This file has already been imported.");
        }

        Imported = imported;
        CommittedAt = at;
    }
}

internal sealed class QuestionImportConfiguration : IEntityTypeConfiguration<QuestionImport>
{
    public void Configure(EntityTypeBuilder<QuestionImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(16);
    }
}

public sealed record QuestionPreview(Guid? Id, int Importable, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<QuestionDraft> Sample)
{
    /// <summary>Problems that stop the import: errors; not unsupported types (the user may skip them) nor notices (what was left out).</summary>
    public bool Blocked => Problems.Any(p => !p.Unsupported && !FormatMessages.IsNotice(p));
    public int Unsupported => Problems.Count(p => p.Unsupported);
}

/// <summary>Imports question files (xlsx, GIFT, Moodle XML): preview every problem first, then all of a clean file in one transaction.</summary>
public sealed class QuestionImporter(AppDbContext db, FileStore files, TimeProvider time)
{
    public const long MaxFileBytes = 20L * 1024 * 1024;

    public static QuestionFileFormat? ParseFormat(string? format, string fileName) => (format ?? "").ToLowerInvariant() switch
    {
        "xlsx" => QuestionFileFormat.Xlsx,
        "gift" => QuestionFileFormat.Gift,
        "moodlexml" or "xml" => QuestionFileFormat.MoodleXml,
        "" => Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => QuestionFileFormat.Xlsx,
            ".gift" or ".txt" => QuestionFileFormat.Gift,
            ".xml" => QuestionFileFormat.MoodleXml,
            _ => null,
        },
        _ => null,
    };

    /// <summary>A problem that refuses the file whole (beyond a parser limit, a DTD, too many questions, or not a workbook at all): nothing is kept.</summary>
    public static bool IsRefusal(ImportProblem p) => FormatMessages.IsLimit(p) || InputLimitException.Messages.Contains(p.Message) || p.Message == FormatMessages.NotXlsx;

    public async Task<QuestionPreview> PreviewAsync(Stream upload, string fileName, QuestionFileFormat format, int userId, CancellationToken ct = default)
    {
        StoredFile stored;
        try
        {
            stored = await files.SaveAsync("question-imports", upload, MaxFileBytes, ct);
        }
        catch (FileTooLargeException)
        {
            return new QuestionPreview(null, 0, [new ImportProblem(0, "", "The file is too large.", [])], []);
        }

        if (stored.Length == 0)
        {
            files.Delete(stored.Key);
            return new QuestionPreview(null, 0, [new ImportProblem(0, "", "The file is empty.", [])], []);
        }

        ImportResult result;
        try
        {
            result = Read(stored.Key, format);
        }
        catch
        {
            files.Delete(stored.Key);
            throw;
        }

        if (result.Problems.Any(IsRefusal))
        {
            // A file beyond a limit is refused whole: nothing kept, nothing to confirm.
            files.Delete(stored.Key);
            return new QuestionPreview(null, 0, result.Problems.Where(IsRefusal).ToList(), []);
        }

        var import = new QuestionImport(userId, Path.GetFileName(fileName), stored.Key, format, time.GetUtcNow());
        db.Add(import);
        await db.SaveChangesAsync(ct);
        return new QuestionPreview(import.Id, result.Questions.Count, result.Problems, result.Questions.Take(20).ToList());
    }

    /// <summary>Imports every question if the file is still clean (unsupported types only when <paramref name="skipUnsupported"/>). Null when there is no such upload.</summary>
    public async Task<(int Imported, IReadOnlyList<ImportProblem> Problems)?> CommitAsync(Guid id, int userId, bool skipUnsupported, CancellationToken ct = default)
    {
        var import = await db.Set<QuestionImport>().FirstOrDefaultAsync(i => i.Id == id && i.UploadedBy == userId, ct);
        if (import is null)
        {
            return null;
        }

        if (import.CommittedAt is not null)
        {
            return (0, [new ImportProblem(0, "", "This file has already been imported.", [])]);
        }

        // One commit per import: the transaction first claims the upload with a conditional update (WHERE
        // CommittedAt IS NULL), which a parallel commit waits on and then finds taken; it reads nothing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var claimed = await db.Set<QuestionImport>().Where(i => i.Id == id && i.CommittedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.CommittedAt, now), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return (0, [new ImportProblem(0, "", "This file has already been imported.", [])]);
        }

        var result = Read(import.FileKey, import.Format);
        var blocking = result.Problems.Where(p => p.Unsupported ? !skipUnsupported : !FormatMessages.IsNotice(p)).ToList();
        if (blocking.Count > 0)
        {
            await tx.RollbackAsync(ct);
            return (0, blocking);
        }

        var areas = new AreaResolver(await db.KnowledgeAreas.ToListAsync(ct), db);
        foreach (var draft in result.Questions)
        {
            db.Questions.Add(Question.Create(draft, areas.For(draft.Category), now));
        }

        import.MarkCommitted(result.Questions.Count, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        files.Delete(import.FileKey);
        return (result.Questions.Count, []);
    }

    private ImportResult Read(string key, QuestionFileFormat format)
    {
        ImportResult result;
        using (var stream = files.OpenRead(key))
        {
            result = format switch
            {
                QuestionFileFormat.Xlsx => QuestionSheet.Read(stream),
                QuestionFileFormat.Gift => GiftFormat.Read(stream),
                _ => MoodleXmlFormat.Read(stream),
            };
        }

        // The bank's own rules apply to every question, whichever format it came in.
        var problems = result.Problems.ToList();
        // The formats do not say where in the file a question they read stood, so these name the question only.
        var ok = new List<QuestionDraft>();
        foreach (var q in result.Questions)
        {
            var rules = QuestionRules.Check(q);
            if (rules.Count == 0)
            {
                ok.Add(q);
            }
            else
            {
                problems.AddRange(rules.Select(r => new ImportProblem(0, q.Name, r, [])));
            }
        }

        return new ImportResult(ok, problems);
    }

    /// <summary>Finds or makes the knowledge area of a category path ("产品知识/新品"); no path goes to "未分类".</summary>
    private sealed class AreaResolver(List<KnowledgeArea> areas, AppDbContext db)
    {
        public KnowledgeArea For(string? path)
        {
            var parts = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                parts = ["未分类"];
            }

            KnowledgeArea? parent = null;
            foreach (var part in parts.Select(p => p.Length > KnowledgeArea.NameMax ? p[..KnowledgeArea.NameMax] : p))
            {
                var found = areas.FirstOrDefault(a => (a.Name == part || a.NameEn.Equals(part, StringComparison.OrdinalIgnoreCase))
                    && (parent is null ? a.ParentId is null || parts.Length == 1 : ReferenceEquals(a.Parent, parent) || (parent.Id != 0 && a.ParentId == parent.Id)));
                if (found is null)
                {
                    found = new KnowledgeArea(part, "", parent);
                    db.KnowledgeAreas.Add(found);
                    areas.Add(found);
                }

                parent = found;
            }

            return parent!;
        }
    }
}
