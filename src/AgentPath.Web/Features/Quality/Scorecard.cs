using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Quality;

/// <summary>What a scorecard is used for.</summary>
public enum ScorecardPurpose
{
    /// <summary>品质考核 — sampled calls of the floor (SPEC R5.4).</summary>
    Quality,
    /// <summary>模拟演练接线评分 — the induction mock call (SPEC R2.2).</summary>
    MockCall,
    /// <summary>内部拨测 — internal test calls (SPEC R5.5).</summary>
    TestCall,
}

/// <summary>How one item is scored.</summary>
public enum ItemScale
{
    /// <summary>Yes / no (and N/A when allowed): yes = full marks.</summary>
    YesNo,
    /// <summary>0 to N points.</summary>
    Points,
    /// <summary>1 to 5: 1 = none of the marks, 5 = all.</summary>
    OneToFive,
}

/// <summary>What failing a critical item does.</summary>
public enum Critical
{
    None,
    /// <summary>Zeroes its section.</summary>
    Section,
    /// <summary>Zeroes the whole card (auto-fail).</summary>
    Card,
}

public enum VersionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>
/// 评分表 — a scorecard family (e.g. "品质考核七维度"). Its content lives in versions: a
/// published version never changes, and an evaluation keeps the version it used.
/// </summary>
public sealed class Scorecard : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int NameMax = 100;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public ScorecardPurpose Purpose { get; private set; }
    public List<ScorecardVersion> Versions { get; private set; } = [];

    private Scorecard() { }

    public Scorecard(string name, ScorecardPurpose purpose)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            throw new DomainException("A scorecard needs a name of at most 100 characters.");
        }

        Name = name.Trim();
        Purpose = purpose;
    }

    public ScorecardVersion? Current => Versions.Where(v => v.Status == VersionStatus.Published).MaxBy(v => v.Number);

    /// <summary>A new draft, copied from the latest version (or empty).</summary>
    public ScorecardVersion NewDraft()
    {
        if (Versions.Any(v => v.Status == VersionStatus.Draft))
        {
            throw new DomainException("This scorecard already has a draft version.");
        }

        var latest = Versions.MaxBy(v => v.Number);
        var draft = new ScorecardVersion(this, (latest?.Number ?? 0) + 1, latest?.PassMark ?? 80, latest?.CommentBelow ?? 60);
        if (latest is not null)
        {
            foreach (var s in latest.Sections.OrderBy(s => s.Order))
            {
                var copy = draft.AddSection(s.Name, s.Weight);
                foreach (var i in s.Items.OrderBy(i => i.Order))
                {
                    copy.AddItem(i.Text, i.Scale, i.MaxPoints, i.Weight, i.Critical, i.AllowNa);
                }
            }
        }

        Versions.Add(draft);
        return draft;
    }
}

/// <summary>One version of a scorecard: sections of weighted items, a pass mark and the total under which a comment is required.</summary>
public sealed class ScorecardVersion : IAudited
{
    public int Id { get; private set; }
    public int ScorecardId { get; private set; }
    public Scorecard Scorecard { get; private set; } = null!;
    public int Number { get; private set; }
    public VersionStatus Status { get; private set; }

    /// <summary>Total (0–100) at or above which an evaluation passes.</summary>
    public decimal PassMark { get; private set; }

    /// <summary>Below this total (0–100) the inspector must write a comment.</summary>
    public decimal CommentBelow { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public List<ScorecardSection> Sections { get; private set; } = [];

    private ScorecardVersion() { }

    internal ScorecardVersion(Scorecard card, int number, decimal passMark, decimal commentBelow)
    {
        Scorecard = card;
        Number = number;
        Status = VersionStatus.Draft;
        PassMark = passMark;
        CommentBelow = commentBelow;
    }

    private void EnsureDraft()
    {
        if (Status != VersionStatus.Draft)
        {
            throw new DomainException("A published scorecard version never changes; make a new version.");
        }
    }

    public void SetMarks(decimal passMark, decimal commentBelow)
    {
        EnsureDraft();
        if (passMark is < 0 or > 100 || commentBelow is < 0 or > 100)
        {
            throw new DomainException("Marks are from 0 to 100.");
        }

        PassMark = passMark;
        CommentBelow = commentBelow;
    }

    public ScorecardSection AddSection(string name, decimal weight)
    {
        EnsureDraft();
        var s = new ScorecardSection(this, Sections.Count + 1, name, weight);
        Sections.Add(s);
        return s;
    }

    public void RemoveSection(ScorecardSection section)
    {
        EnsureDraft();
        Sections.Remove(section);
    }

    /// <summary>Checks the version can be used, then freezes it; the previous published version retires.</summary>
    public void Publish(DateTimeOffset at)
    {
        EnsureDraft();
        if (Sections.Count == 0 || Sections.Any(s => s.Items.Count == 0))
        {
            throw new DomainException("Every section needs at least one item before publishing.");
        }

        foreach (var v in Scorecard.Versions.Where(v => v.Status == VersionStatus.Published))
        {
            v.Status = VersionStatus.Retired;
        }

        Status = VersionStatus.Published;
        PublishedAt = at;
    }

    internal void CheckDraft() => EnsureDraft();

    /// <summary>The definition the pure scoring function reads.</summary>
    public ScorecardMath.Card ToCard() => new(
        Sections.OrderBy(s => s.Order).Select(s => new ScorecardMath.Section(s.Id, s.Weight,
            s.Items.OrderBy(i => i.Order).Select(i => new ScorecardMath.Item(i.Id, i.Scale, i.MaxPoints, i.Weight, i.Critical, i.AllowNa)).ToList())).ToList(),
        PassMark, CommentBelow);
}

/// <summary>A section (for the seven-dimension card: one dimension, e.g. 服务态度).</summary>
public sealed class ScorecardSection : IAudited
{
    public const int NameMax = 100;

    public int Id { get; private set; }
    public int VersionId { get; private set; }
    public ScorecardVersion Version { get; private set; } = null!;
    public int Order { get; private set; }
    public string Name { get; private set; } = "";
    public decimal Weight { get; private set; }
    public List<ScorecardItem> Items { get; private set; } = [];

    private ScorecardSection() { }

    internal ScorecardSection(ScorecardVersion version, int order, string name, decimal weight)
    {
        Version = version;
        Order = order;
        Set(name, weight);
    }

    private void Set(string name, decimal weight)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            throw new DomainException("A section needs a name of at most 100 characters.");
        }

        if (weight is <= 0 or > 1000)
        {
            throw new DomainException("A weight is a positive number up to 1000.");
        }

        Name = name.Trim();
        Weight = weight;
    }

    public void Update(string name, decimal weight)
    {
        Version.CheckDraft();
        Set(name, weight);
    }

    public ScorecardItem AddItem(string text, ItemScale scale, int maxPoints, decimal weight, Critical critical, bool allowNa)
    {
        Version.CheckDraft();
        var item = new ScorecardItem(this, Items.Count + 1, text, scale, maxPoints, weight, critical, allowNa);
        Items.Add(item);
        return item;
    }

    public void RemoveItem(ScorecardItem item)
    {
        Version.CheckDraft();
        Items.Remove(item);
    }
}

/// <summary>One thing the inspector judges, on a yes/no, 0–N or 1–5 scale.</summary>
public sealed class ScorecardItem : IAudited
{
    public const int TextMax = 300;

    public int Id { get; private set; }
    public int SectionId { get; private set; }
    public ScorecardSection Section { get; private set; } = null!;
    public int Order { get; private set; }
    public string Text { get; private set; } = "";
    public ItemScale Scale { get; private set; }

    /// <summary>N of a 0–N scale (1 for yes/no, 5 for 1–5).</summary>
    public int MaxPoints { get; private set; }
    public decimal Weight { get; private set; }
    public Critical Critical { get; private set; }
    public bool AllowNa { get; private set; }

    private ScorecardItem() { }

    internal ScorecardItem(ScorecardSection section, int order, string text, ItemScale scale, int maxPoints, decimal weight, Critical critical, bool allowNa)
    {
        Section = section;
        Order = order;
        Set(text, scale, maxPoints, weight, critical, allowNa);
    }

    public void Update(string text, ItemScale scale, int maxPoints, decimal weight, Critical critical, bool allowNa)
    {
        Section.Version.CheckDraft();
        Set(text, scale, maxPoints, weight, critical, allowNa);
    }

    private void Set(string text, ItemScale scale, int maxPoints, decimal weight, Critical critical, bool allowNa)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > TextMax)
        {
            throw new DomainException("An item needs a text of at most 300 characters.");
        }

        if (weight is <= 0 or > 1000)
        {
            throw new DomainException("A weight is a positive number up to 1000.");
        }

        if (scale == ItemScale.Points && maxPoints is < 1 or > 100)
        {
            throw new DomainException("A points item scores from 0 to N, with N from 1 to 100.");
        }

        Text = text.Trim();
        Scale = scale;
        MaxPoints = scale switch { ItemScale.YesNo => 1, ItemScale.OneToFive => 5, _ => maxPoints };
        Weight = weight;
        Critical = critical;
        AllowNa = allowNa;
    }
}

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.Property(x => x.Name).HasMaxLength(Scorecard.NameMax);
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(16);
        b.HasMany(x => x.Versions).WithOne(v => v.Scorecard).HasForeignKey(v => v.ScorecardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScorecardVersionConfiguration : IEntityTypeConfiguration<ScorecardVersion>
{
    public void Configure(EntityTypeBuilder<ScorecardVersion> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PassMark).HasPrecision(6, 2);
        b.Property(x => x.CommentBelow).HasPrecision(6, 2);
        b.HasMany(x => x.Sections).WithOne(s => s.Version).HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ScorecardId, x.Number }).IsUnique();
    }
}

internal sealed class ScorecardSectionConfiguration : IEntityTypeConfiguration<ScorecardSection>
{
    public void Configure(EntityTypeBuilder<ScorecardSection> b)
    {
        b.Property(x => x.Name).HasMaxLength(ScorecardSection.NameMax);
        b.Property(x => x.Weight).HasPrecision(8, 2);
        b.HasMany(x => x.Items).WithOne(i => i.Section).HasForeignKey(i => i.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScorecardItemConfiguration : IEntityTypeConfiguration<ScorecardItem>
{
    public void Configure(EntityTypeBuilder<ScorecardItem> b)
    {
        b.Property(x => x.Text).HasMaxLength(ScorecardItem.TextMax);
        b.Property(x => x.Weight).HasPrecision(8, 2);
        b.Property(x => x.Scale).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Critical).HasConversion<string>().HasMaxLength(16);
    }
}
