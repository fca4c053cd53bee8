using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Training;

/// <summary>
/// 课件 — a file handed out with a session (slides, handouts, a recording to study). The bytes are in
/// the <see cref="Infrastructure.Files.FileStore"/> under an app-chosen key; the user's file name is
/// kept only for display and download.
/// </summary>
public sealed class CoursewareFile : IAudited
{
    public const int FileNameMax = 200;
    public const long MaxBytes = 30L * 1024 * 1024;

    /// <summary>The kinds of courseware a session takes, by extension, with the type it is served as.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".txt"] = "text/plain; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".mp4"] = "video/mp4",
    };

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public long Length { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";

    private CoursewareFile() { }

    public CoursewareFile(int sessionId, string fileName, string storageKey, long length, DateTimeOffset at, string by)
    {
        SessionId = sessionId;
        FileName = CleanName(fileName);
        ContentType = TypeOf(FileName) ?? throw new DomainException("This kind of file is not taken as courseware.");
        StorageKey = storageKey;
        Length = length;
        UploadedAt = at;
        UploadedBy = by;
    }

    /// <summary>The served type for a file name, or null when the kind is not taken.</summary>
    public static string? TypeOf(string fileName) => Types.GetValueOrDefault(Path.GetExtension(fileName ?? ""));

    /// <summary>The name without any folder part or control characters, at most 200 characters (keeping the extension).</summary>
    public static string CleanName(string fileName)
    {
        // The one normalisation every upload gets: no control or direction-changing characters, no folders.
        return Infrastructure.Files.FileNames.Normalise(fileName, FileNameMax);
    }
}

internal sealed class CoursewareFileConfiguration : IEntityTypeConfiguration<CoursewareFile>
{
    public void Configure(EntityTypeBuilder<CoursewareFile> b)
    {
        b.Property(x => x.FileName).HasMaxLength(CoursewareFile.FileNameMax);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.StorageKey).HasMaxLength(200);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.SessionId);
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
