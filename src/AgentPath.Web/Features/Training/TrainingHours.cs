using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Training;

/// <summary>业务培训 vs 综合技能培训 — the two halves of on-the-job training (R4.1).</summary>
public enum HoursCategory
{
    Business,
    GeneralSkills,
}

/// <summary>
/// A line of the on-the-job training hours ledger (在岗培训课时): hours of training outside a
/// registered session (a course elsewhere, side-by-side listening…). Attended business and
/// general-skills sessions count by themselves; see <see cref="HoursLedger"/>.
/// </summary>
public sealed class TrainingHoursEntry : IAudited
{
    public const int NoteMax = 300;

    public long Id { get; private set; }
    public int EmployeeId { get; private set; }
    public DateOnly On { get; private set; }
    public decimal Hours { get; private set; }
    public HoursCategory Category { get; private set; }
    public string Note { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private TrainingHoursEntry() { }

    public TrainingHoursEntry(Employee person, DateOnly on, DateOnly today, decimal hours, HoursCategory category, string note, string by, DateTimeOffset at)
    {
        if (on > today)
        {
            throw new DomainException("The date cannot be in the future.");
        }

        if (on < person.HireDate)
        {
            throw new DomainException("The date cannot be before the hire date.");
        }

        if (hours is <= 0 or > 24)
        {
            throw new DomainException("Hours must be more than 0 and at most 24.");
        }

        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > NoteMax)
        {
            throw new DomainException("Say what the training was (at most 300 characters).");
        }

        EmployeeId = person.Id;
        On = on;
        Hours = Math.Round(hours, 1);
        Category = category;
        Note = note.Trim();
        By = by;
        At = at;
    }
}

/// <summary>The 70/30 figure of a person's on-the-job training: the business share and whether it is off target by more than 10 points.</summary>
public sealed record HoursMix(decimal Business, decimal General)
{
    public const decimal TargetBusinessPercent = 70;
    public const decimal Tolerance = 10;

    public decimal Total => Business + General;

    /// <summary>The business share in percent, one decimal; null without hours.</summary>
    public decimal? BusinessPercent => Total == 0 ? null : Math.Round(Business * 100 / Total, 1, MidpointRounding.AwayFromZero);

    public decimal? GeneralPercent => BusinessPercent is { } b ? 100 - b : null;

    /// <summary>More than 10 points away from 70 % business.</summary>
    public bool OffTarget => BusinessPercent is { } b && Math.Abs(b - TargetBusinessPercent) > Tolerance;
}

/// <summary>Reads the hours ledger: attended business/general sessions plus manual entries, in a date range.</summary>
public static class HoursLedger
{
    public sealed record Line(DateOnly On, decimal Hours, HoursCategory Category, string What, int? SessionId);

    public static async Task<IReadOnlyList<Line>> LinesAsync(AppDbContext db, int employeeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var fromAt = CenterClock.StartOf(from);
        var toAt = CenterClock.StartOf(to.AddDays(1));
        var sessions = await (from a in db.Attendances
                              join s in db.TrainingSessions on a.SessionId equals s.Id
                              where a.EmployeeId == employeeId && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late)
                                    && (s.Kind == SessionKind.Business || s.Kind == SessionKind.GeneralSkills)
                                    && s.StartsAt >= fromAt && s.StartsAt < toAt
                              select new { s.Id, s.Title, s.Kind, s.StartsAt, s.EndsAt }).ToListAsync(ct);
        var entries = await db.TrainingHoursEntries.Where(e => e.EmployeeId == employeeId && e.On >= from && e.On <= to).ToListAsync(ct);
        var center = CenterClock.Zone;
        return sessions.Select(s => new Line(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.StartsAt, center).DateTime),
                Math.Round((decimal)(s.EndsAt - s.StartsAt).TotalHours, 1), s.Kind == SessionKind.Business ? HoursCategory.Business : HoursCategory.GeneralSkills, s.Title, s.Id))
            .Concat(entries.Select(e => new Line(e.On, e.Hours, e.Category, e.Note, null)))
            .OrderBy(l => l.On).ToList();
    }

    public static HoursMix Mix(IEnumerable<Line> lines)
    {
        var list = lines.ToList();
        return new HoursMix(list.Where(l => l.Category == HoursCategory.Business).Sum(l => l.Hours), list.Where(l => l.Category == HoursCategory.GeneralSkills).Sum(l => l.Hours));
    }
}

internal sealed class TrainingHoursEntryConfiguration : IEntityTypeConfiguration<TrainingHoursEntry>
{
    public void Configure(EntityTypeBuilder<TrainingHoursEntry> b)
    {
        b.Property(x => x.Hours).HasPrecision(5, 1);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(TrainingHoursEntry.NoteMax);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => new { x.EmployeeId, x.On });
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
