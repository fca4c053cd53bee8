using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Training;

public enum TrainingNeedStatus
{
    /// <summary>Raised, waiting for a monthly plan to take it in.</summary>
    Open,
    /// <summary>A monthly plan has taken it in.</summary>
    Planned,
    /// <summary>Closed without a plan (covered elsewhere, no longer needed).</summary>
    Closed,
}

/// <summary>
/// 培训需求 — something people need to be trained on, reported for a month so that the monthly
/// training plan (SPEC R7.2) takes it in. Raised from a needs survey, a department's report, or
/// the problems QA found in a period's calls (SPEC R5.4: "problems are collected, classified and
/// put into the next period's training plan"). Training knows only a source label and reference,
/// never the feature that raised it.
/// </summary>
public sealed class TrainingNeed : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int TitleMax = 200;
    public const int DetailMax = 4000;
    public const int SourceMax = 32;
    public const int RefMax = 200;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The month whose plan should take it in (first day of that month).</summary>
    public DateOnly ForMonth { get; private set; }

    /// <summary>Who it is for, in words (a team, a stage, named people).</summary>
    public string Audience { get; private set; } = "";
    public int? TeamId { get; private set; }
    public int Headcount { get; private set; }
    public string Details { get; private set; } = "";

    /// <summary>Where the need came from: "Quality", "Survey", "Department".</summary>
    public string Source { get; private set; } = "";

    /// <summary>What in the source it names, e.g. the finding tag and period it aggregates.</summary>
    public string? SourceRef { get; private set; }
    public TrainingNeedStatus Status { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }

    private TrainingNeed() { }

    public TrainingNeed(string title, DateOnly forMonth, string audience, int? teamId, int headcount, string details, string source, string? sourceRef, string raisedBy, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            throw new DomainException("A training need needs a title of at most 200 characters.");
        }

        if (headcount is < 1 or > 100_000)
        {
            throw new DomainException("Headcount must be at least 1.");
        }

        Title = title.Trim();
        ForMonth = new DateOnly(forMonth.Year, forMonth.Month, 1);
        Audience = Cut(audience.Trim(), RefMax);
        TeamId = teamId;
        Headcount = headcount;
        Details = Cut(details.Trim(), DetailMax);
        Source = Cut(source, SourceMax);
        SourceRef = sourceRef is null ? null : Cut(sourceRef, RefMax);
        Status = TrainingNeedStatus.Open;
        RaisedBy = raisedBy;
        RaisedAt = at;
    }

    /// <summary>A monthly plan takes the need in.</summary>
    public void MarkPlanned()
    {
        if (Status != TrainingNeedStatus.Open)
        {
            throw new DomainException("Only an open training need can be taken into a plan.");
        }

        Status = TrainingNeedStatus.Planned;
    }

    public void Close()
    {
        if (Status != TrainingNeedStatus.Open)
        {
            throw new DomainException("Only an open training need can be closed.");
        }

        Status = TrainingNeedStatus.Closed;
    }

    private static string Cut(string s, int max) => s.Length > max ? s[..max] : s;
}

internal sealed class TrainingNeedConfiguration : IEntityTypeConfiguration<TrainingNeed>
{
    public void Configure(EntityTypeBuilder<TrainingNeed> b)
    {
        b.Property(x => x.Title).HasMaxLength(TrainingNeed.TitleMax);
        b.Property(x => x.Audience).HasMaxLength(TrainingNeed.RefMax);
        b.Property(x => x.Details).HasMaxLength(TrainingNeed.DetailMax);
        b.Property(x => x.Source).HasMaxLength(TrainingNeed.SourceMax);
        b.Property(x => x.SourceRef).HasMaxLength(TrainingNeed.RefMax);
        b.Property(x => x.RaisedBy).HasMaxLength(256);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<People.Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.ForMonth, x.Status });
    }
}
