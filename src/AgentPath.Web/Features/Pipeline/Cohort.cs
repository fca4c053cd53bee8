using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>
/// 培训批次 — new hires who start induction together (SPEC R1.4). Its trainer runs the day-7 gate;
/// every report of the pipeline can be cut by cohort.
/// </summary>
public sealed class Cohort : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int NameMax = 100;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public int SiteId { get; private set; }

    /// <summary>The trainer (培训主管) in charge of the cohort.</summary>
    public int? TrainerEmployeeId { get; private set; }
    public Employee? Trainer { get; private set; }

    /// <summary>The program template version the cohort was scheduled with.</summary>
    public int? ProgramTemplateId { get; private set; }
    public List<CohortMember> Members { get; private set; } = [];

    private Cohort() { }

    public Cohort(string name, DateOnly startDate, int siteId, int? trainerEmployeeId)
    {
        Rename(name);
        StartDate = startDate;
        SiteId = siteId;
        TrainerEmployeeId = trainerEmployeeId;
    }

    public void Rename(string name)
    {
        var n = (name ?? "").Trim();
        if (n.Length is 0 or > NameMax)
        {
            throw new DomainException("A cohort needs a name of at most 100 characters.");
        }

        Name = n;
    }

    /// <summary>Adds a new hire. Only people in induction join a cohort, each person one cohort.</summary>
    public CohortMember Add(Employee e)
    {
        if (e.Stage != Stage.Induction)
        {
            throw new DomainException("Only people in induction can join a cohort.");
        }

        if (Members.Any(m => m.EmployeeId == e.Id))
        {
            throw new DomainException("The person is in this cohort already.");
        }

        var m = new CohortMember(e.Id);
        Members.Add(m);
        return m;
    }

    /// <summary>Adds a member of a cohort that ran before the records were kept here (imports, demo data): any stage.</summary>
    public CohortMember AddFromRecords(Employee e)
    {
        var m = new CohortMember(e.Id);
        Members.Add(m);
        return m;
    }

    public void MarkScheduled(int programTemplateId) => ProgramTemplateId = programTemplateId;

    /// <summary>The day of induction a date falls on (1 = the start date).</summary>
    public int DayOf(DateOnly date) => date.DayNumber - StartDate.DayNumber + 1;
}

/// <summary>One trainee of a cohort, with the day-6 talk minutes (R2.1: at least 120).</summary>
public sealed class CohortMember : IAudited
{
    public const int MinimumTalkMinutes = 120;

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public int EmployeeId { get; private set; }
    public Employee Employee { get; private set; } = null!;

    /// <summary>第六天回访时长 — talk minutes of the day-6 live callbacks.</summary>
    public int? Day6TalkMinutes { get; private set; }

    private CohortMember() { }

    internal CohortMember(int employeeId) => EmployeeId = employeeId;

    public void RecordTalkMinutes(int minutes)
    {
        if (minutes is < 0 or > 1440)
        {
            throw new DomainException("Talk minutes must be between 0 and 1440.");
        }

        Day6TalkMinutes = minutes;
    }

    public bool TalkMinutesShort => Day6TalkMinutes is { } m && m < MinimumTalkMinutes;
}

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> b)
    {
        b.Property(x => x.Name).HasMaxLength(Cohort.NameMax);
        b.HasIndex(x => x.StartDate);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Trainer).WithMany().HasForeignKey(x => x.TrainerEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Induction.ProgramTemplate>().WithMany().HasForeignKey(x => x.ProgramTemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CohortMemberConfiguration : IEntityTypeConfiguration<CohortMember>
{
    public void Configure(EntityTypeBuilder<CohortMember> b)
    {
        b.HasIndex(x => x.EmployeeId).IsUnique();
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.TalkMinutesShort);
    }
}
