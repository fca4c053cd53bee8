using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>Why a stage changed. Eliminations and departures name their cause; promotions name the passed gate.</summary>
public enum StageReason
{
    /// <summary>入职 — hired into induction.</summary>
    Hired,
    /// <summary>考核通过 — the gate of the stage was passed.</summary>
    GatePassed,
    /// <summary>考核不合格 — failed the gate (and its retakes).</summary>
    FailedGate,
    /// <summary>缺勤 — absent from training.</summary>
    Absent,
    /// <summary>主动放弃 / 辞职 — resigned.</summary>
    Resigned,
    /// <summary>违纪 — conduct.</summary>
    Conduct,
    /// <summary>其他.</summary>
    Other,
    /// <summary>恢复 — reinstated by HR.</summary>
    Reinstated,
}

public static class StageReasons
{
    /// <summary>Reasons an elimination may give (SPEC R1.2: failed gate, absent, resigned, conduct…).</summary>
    public static readonly IReadOnlyList<StageReason> Elimination = [StageReason.FailedGate, StageReason.Absent, StageReason.Resigned, StageReason.Conduct, StageReason.Other];

    /// <summary>Reasons a departure may give.</summary>
    public static readonly IReadOnlyList<StageReason> Departure = [StageReason.Resigned, StageReason.Other];
}

/// <summary>
/// 阶段变更 — one stage change of a person: who recorded it, when, why and the gate result behind it (SPEC R1.1).
/// Append-only: the history of a career is never rewritten. Together they are the person's path.
/// </summary>
public sealed class StageEvent : IAudited
{
    public const int NoteMax = 1000;
    public const int DocumentMax = 200;

    public long Id { get; private set; }
    public int EmployeeId { get; private set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The day it took effect.</summary>
    public DateOnly On { get; private set; }

    /// <summary>Null for the hire into induction.</summary>
    public Stage? From { get; private set; }
    public Stage To { get; private set; }
    public StageReason Reason { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The decision a reinstatement rests on (its reference).</summary>
    public string? Document { get; private set; }
    public string By { get; private set; } = "";
    public long? GateResultId { get; private set; }

    /// <summary>The gate result behind the change, when there is one.</summary>
    public GateResult? GateResult { get; private set; }

    private StageEvent() { }

    /// <summary>A change caused by a gate result saved in the same transaction.</summary>
    public StageEvent(int employeeId, Stage from, Stage to, StageReason reason, DateOnly on, DateTimeOffset at, string by, string? note, GateResult result)
        : this(employeeId, from, to, reason, on, at, by, note, (long?)null) => GateResult = result;

    public StageEvent(int employeeId, Stage? from, Stage to, StageReason reason, DateOnly on, DateTimeOffset at, string by, string? note, long? gateResultId = null, string? document = null)
    {
        EmployeeId = employeeId;
        From = from;
        To = to;
        Reason = reason;
        On = on;
        At = at;
        By = by;
        Note = Trim(note, NoteMax);
        GateResultId = gateResultId;
        Document = Trim(document, DocumentMax);
    }

    public static StageEvent Hire(Employee e, DateTimeOffset at, string by) =>
        new(e.Id, null, Stage.Induction, StageReason.Hired, e.HireDate, at, by, null);

    private static string? Trim(string? s, int max)
    {
        var t = s?.Trim();
        if (t is { Length: > 0 } && t.Length > max)
        {
            throw new DomainException("The note is too long.");
        }

        return string.IsNullOrEmpty(t) ? null : t;
    }
}

internal sealed class StageEventConfiguration : IEntityTypeConfiguration<StageEvent>
{
    public void Configure(EntityTypeBuilder<StageEvent> b)
    {
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(StageEvent.NoteMax);
        b.Property(x => x.Document).HasMaxLength(StageEvent.DocumentMax);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => new { x.EmployeeId, x.Id });
        // A gate result moves the person at most once.
        b.HasIndex(x => x.GateResultId).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.GateResult).WithMany().HasForeignKey(x => x.GateResultId).OnDelete(DeleteBehavior.Restrict);
    }
}
