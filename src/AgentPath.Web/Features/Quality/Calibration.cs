using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// 校准会 — several inspectors score the same call blind (nobody sees another's scores while it is
/// open); the lead's scoring is the reference. When it closes, per item: how far apart the
/// inspectors were and how close each came to the reference.
/// </summary>
public sealed class CalibrationSession : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int TitleMax = 200;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public long RecordingId { get; private set; }
    public Recording Recording { get; private set; } = null!;
    public int ScorecardVersionId { get; private set; }
    public ScorecardVersion ScorecardVersion { get; private set; } = null!;

    /// <summary>Whose scoring is the reference (the QA lead of the session).</summary>
    public int LeadUserId { get; private set; }
    public string LeadName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    private CalibrationSession() { }

    public CalibrationSession(string title, Recording recording, ScorecardVersion version, int leadUserId, string leadName, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            throw new DomainException("A calibration session needs a title of at most 200 characters.");
        }

        if (!recording.HasAudio)
        {
            throw new DomainException("Calibration needs a call with audio.");
        }

        if (version.Status != VersionStatus.Published)
        {
            throw new DomainException("Only a published scorecard version can be used.");
        }

        Title = title.Trim();
        Recording = recording;
        RecordingId = recording.Id;
        ScorecardVersion = version;
        ScorecardVersionId = version.Id;
        LeadUserId = leadUserId;
        LeadName = leadName;
        CreatedAt = at;
    }

    public bool IsOpen => ClosedAt is null;

    public void Close(bool leadHasScored, int scorers, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainException("This calibration session is closed.");
        }

        if (!leadHasScored || scorers < 2)
        {
            throw new DomainException("Close the session once the lead and at least one other inspector have submitted their scores.");
        }

        ClosedAt = at;
    }
}

/// <summary>Calibration figures as pure functions: spread between inspectors and distance from the reference, in points of 100.</summary>
public static class Consistency
{
    public sealed record ItemRow(int ItemId, decimal? Reference, IReadOnlyDictionary<int, decimal?> ByInspector)
    {
        /// <summary>Highest minus lowest score among everyone who scored it (N/A left out), 0–100.</summary>
        public decimal Spread
        {
            get
            {
                var values = ByInspector.Values.Append(Reference).Where(v => v is not null).Select(v => v!.Value).ToList();
                return values.Count < 2 ? 0 : Math.Round(100 * (values.Max() - values.Min()), 1);
            }
        }

        /// <summary>An inspector's distance from the reference, 0–100; null when either is N/A.</summary>
        public decimal? Deviation(int inspector) =>
            Reference is { } r && ByInspector.GetValueOrDefault(inspector) is { } v ? Math.Round(100 * Math.Abs(v - r), 1) : null;
    }

    /// <summary>The mean distance from the reference over the items both scored (null when none).</summary>
    public static decimal? MeanDeviation(IEnumerable<ItemRow> rows, int inspector)
    {
        var d = rows.Select(r => r.Deviation(inspector)).Where(x => x is not null).Select(x => x!.Value).ToList();
        return d.Count == 0 ? null : Math.Round(d.Average(), 1);
    }
}

internal sealed class CalibrationSessionConfiguration : IEntityTypeConfiguration<CalibrationSession>
{
    public void Configure(EntityTypeBuilder<CalibrationSession> b)
    {
        b.Property(x => x.Title).HasMaxLength(CalibrationSession.TitleMax);
        b.Property(x => x.LeadName).HasMaxLength(256);
        b.HasOne(x => x.Recording).WithMany().HasForeignKey(x => x.RecordingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ScorecardVersion).WithMany().HasForeignKey(x => x.ScorecardVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.LeadUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<Evaluation>().WithOne().HasForeignKey(e => e.CalibrationSessionId).OnDelete(DeleteBehavior.Restrict);
    }
}
