using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Plans;

/// <summary>What changed, as the seed names it (如，产品升级，节目内容调整等).</summary>
public enum BusinessChange
{
    /// <summary>新产品.</summary>
    NewProduct,
    /// <summary>产品升级.</summary>
    Upgrade,
    /// <summary>节目内容调整.</summary>
    ProgramChange,
    /// <summary>业务变动.</summary>
    RuleChange,
}

/// <summary>
/// 新增业务培训 — one course per new product or change (SPEC R5.1): the content and courseware agreed
/// with the department concerned, the teams it is for, and how each person proves it — a short exam
/// (Assessments) or a sign-off (签字确认).
/// </summary>
public sealed class NewBusinessTraining : IAudited
{
    public const int TitleMax = 200;
    public const int OwnerMax = 64;
    public const int ContentMax = 8000;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public BusinessChange Change { get; private set; }

    /// <summary>The department that owns the product or change and agreed the content (e.g. 产品部).</summary>
    public string OwningDepartment { get; private set; } = "";
    public string Content { get; private set; } = "";
    public string? CoursewareKey { get; private set; }
    public string? CoursewareName { get; private set; }

    /// <summary>The short exam that proves it; without one, each person signs off.</summary>
    public int? ExamId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public List<NewBusinessAudience> Audience { get; private set; } = [];
    public List<NewBusinessSignOff> SignOffs { get; private set; } = [];

    private NewBusinessTraining() { }

    public NewBusinessTraining(string title, BusinessChange change, string owningDepartment, string content, IEnumerable<int> teamIds, DateOnly dueOn, DateOnly today,
        int? examId, string? coursewareKey, string? coursewareName, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            throw new DomainException("A new-business training needs a title of at most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(owningDepartment) || owningDepartment.Trim().Length > OwnerMax)
        {
            throw new DomainException("Name the department that owns the change (at most 64 characters).");
        }

        if (string.IsNullOrWhiteSpace(content) || content.Trim().Length > ContentMax)
        {
            throw new DomainException("Write the content agreed with that department (at most 8000 characters).");
        }

        if (dueOn < today)
        {
            throw new DomainException("The due date cannot be in the past.");
        }

        Title = title.Trim();
        Change = change;
        OwningDepartment = owningDepartment.Trim();
        Content = content.Trim();
        DueOn = dueOn;
        ExamId = examId;
        CoursewareKey = coursewareKey;
        CoursewareName = coursewareName is null ? null : TrainingPlan.Cut(coursewareName, 200);
        CreatedBy = TrainingPlan.Cut(by, TrainingPlan.ByMax);
        CreatedAt = at;
        Audience.AddRange(teamIds.Distinct().Select(t => new NewBusinessAudience(t)));
        if (Audience.Count == 0)
        {
            throw new DomainException("Choose the teams it is for.");
        }
    }

    /// <summary>签字确认 — the person confirms they were trained on it; once.</summary>
    public NewBusinessSignOff SignOff(Employee person, DateTimeOffset at)
    {
        if (ExamId is not null)
        {
            throw new DomainException("This training is proved by its exam, not by a signature.");
        }

        if (person.TeamId is not { } team || Audience.All(a => a.TeamId != team))
        {
            throw new DomainException("This training is not for your team.");
        }

        if (SignOffs.Any(s => s.EmployeeId == person.Id))
        {
            throw new DomainException("You have already signed.");
        }

        var s = new NewBusinessSignOff(person.Id, at);
        SignOffs.Add(s);
        return s;
    }
}

public sealed class NewBusinessAudience
{
    public int TrainingId { get; private set; }
    public int TeamId { get; private set; }

    private NewBusinessAudience() { }

    internal NewBusinessAudience(int teamId) => TeamId = teamId;
}

/// <summary>A person's signature that they were trained (append-only).</summary>
public sealed class NewBusinessSignOff : IAudited
{
    public long Id { get; private set; }
    public int TrainingId { get; private set; }
    public int EmployeeId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private NewBusinessSignOff() { }

    internal NewBusinessSignOff(int employeeId, DateTimeOffset at)
    {
        EmployeeId = employeeId;
        At = at;
    }
}

internal sealed class NewBusinessTrainingConfiguration : IEntityTypeConfiguration<NewBusinessTraining>
{
    public void Configure(EntityTypeBuilder<NewBusinessTraining> b)
    {
        b.Property(x => x.Title).HasMaxLength(NewBusinessTraining.TitleMax);
        b.Property(x => x.Change).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.OwningDepartment).HasMaxLength(NewBusinessTraining.OwnerMax);
        b.Property(x => x.Content).HasMaxLength(NewBusinessTraining.ContentMax);
        b.Property(x => x.CoursewareKey).HasMaxLength(200);
        b.Property(x => x.CoursewareName).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(TrainingPlan.ByMax);
        b.HasOne<Assessments.Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Audience).WithOne().HasForeignKey(x => x.TrainingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.SignOffs).WithOne().HasForeignKey(x => x.TrainingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewBusinessAudienceConfiguration : IEntityTypeConfiguration<NewBusinessAudience>
{
    public void Configure(EntityTypeBuilder<NewBusinessAudience> b)
    {
        b.HasKey(x => new { x.TrainingId, x.TeamId });
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NewBusinessSignOffConfiguration : IEntityTypeConfiguration<NewBusinessSignOff>
{
    public void Configure(EntityTypeBuilder<NewBusinessSignOff> b)
    {
        b.HasIndex(x => new { x.TrainingId, x.EmployeeId }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
