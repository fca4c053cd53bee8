using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Induction;

/// <summary>
/// 培训方案 — a program of induction days (R2.1). Versioned: an edit makes a new version and the
/// old one stays as it was, so a cohort always shows the program it was scheduled with.
/// </summary>
public sealed class ProgramTemplate : IAudited
{
    public const int NameMax = 100;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Version { get; private set; }

    /// <summary>The version used for new cohorts.</summary>
    public bool IsCurrent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public List<ProgramDay> Days { get; private set; } = [];

    private ProgramTemplate() { }

    public ProgramTemplate(string name, int version, IEnumerable<ProgramDay> days, DateTimeOffset at, string by)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            throw new DomainException("A program needs a name of at most 100 characters.");
        }

        Days = days.OrderBy(d => d.DayNumber).ToList();
        if (Days.Count == 0 || Days.Select(d => d.DayNumber).Distinct().Count() != Days.Count || Days.Any(d => d.DayNumber < 1 || d.DayNumber > 60))
        {
            throw new DomainException("A program needs days numbered from 1, each once.");
        }

        Name = name.Trim();
        Version = version;
        IsCurrent = true;
        CreatedAt = at;
        CreatedBy = by;
    }

    /// <summary>A new version with these days; this one stops being current.</summary>
    public ProgramTemplate Revise(string name, IEnumerable<ProgramDay> days, DateTimeOffset at, string by)
    {
        var next = new ProgramTemplate(name, Version + 1, days, at, by);
        IsCurrent = false;
        return next;
    }
}

/// <summary>培训日程 — one day of the program: topics, the owning role, the goal and the evidence that proves it.</summary>
public sealed class ProgramDay
{
    public const int TextMax = 1000;

    public int Id { get; private set; }
    public int ProgramTemplateId { get; private set; }
    public int DayNumber { get; private set; }
    public string Topics { get; private set; } = "";

    /// <summary>One of <see cref="Roles"/>: Hr, Supervisor or Trainer in the seed.</summary>
    public string OwnerRole { get; private set; } = "";
    public string Goal { get; private set; } = "";

    /// <summary>证明材料 — what proves the day was done (sign-in sheet, talk minutes, test…).</summary>
    public string Evidence { get; private set; } = "";

    private ProgramDay() { }

    public ProgramDay(int dayNumber, string topics, string ownerRole, string goal, string evidence)
    {
        if (string.IsNullOrWhiteSpace(topics) || topics.Trim().Length > TextMax || (goal ?? "").Trim().Length > TextMax || (evidence ?? "").Trim().Length > TextMax)
        {
            throw new DomainException("Each day needs topics; topics, goal and evidence are at most 1000 characters.");
        }

        if (!Roles.All.Contains(ownerRole))
        {
            throw new DomainException("Each day needs an owning role.");
        }

        DayNumber = dayNumber;
        Topics = topics.Trim();
        OwnerRole = ownerRole;
        Goal = (goal ?? "").Trim();
        Evidence = (evidence ?? "").Trim();
    }
}

internal sealed class ProgramTemplateConfiguration : IEntityTypeConfiguration<ProgramTemplate>
{
    public void Configure(EntityTypeBuilder<ProgramTemplate> b)
    {
        b.Property(x => x.Name).HasMaxLength(ProgramTemplate.NameMax);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        b.HasMany(x => x.Days).WithOne().HasForeignKey(x => x.ProgramTemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgramDayConfiguration : IEntityTypeConfiguration<ProgramDay>
{
    public void Configure(EntityTypeBuilder<ProgramDay> b)
    {
        b.Property(x => x.Topics).HasMaxLength(ProgramDay.TextMax);
        b.Property(x => x.OwnerRole).HasMaxLength(32);
        b.Property(x => x.Goal).HasMaxLength(ProgramDay.TextMax);
        b.Property(x => x.Evidence).HasMaxLength(ProgramDay.TextMax);
    }
}
