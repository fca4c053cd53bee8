using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Plans;

public enum SurveyItemKind
{
    /// <summary>How much the person needs it, 1 (not at all) to 5 (very much).</summary>
    Rating,
    /// <summary>A short text answer.</summary>
    Text,
}

/// <summary>
/// 培训需求调查 — a needs survey (SPEC R6.1): the eight general-skills categories of R6.2 and free
/// items, sent to teams for a month's plan, answered on a phone, then aggregated per category and
/// team (汇总需求调查结果) and turned into training needs.
/// </summary>
public sealed class NeedsSurvey : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int TitleMax = 200;
    public const int IntroMax = 1000;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string? Intro { get; private set; }

    /// <summary>The month whose plan the answers feed, "yyyy-MM".</summary>
    public string Month { get; private set; } = "";

    /// <summary>The last day answers are taken (center time).</summary>
    public DateOnly ClosesOn { get; private set; }
    public bool Closed { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public List<SurveyItem> Items { get; private set; } = [];
    public List<SurveyAudience> Audience { get; private set; } = [];

    private NeedsSurvey() { }

    public NeedsSurvey(string title, string? intro, string month, DateOnly closesOn, DateOnly today, IEnumerable<int> teamIds,
        IEnumerable<SkillArea> categories, IEnumerable<(string Text, SurveyItemKind Kind)> freeItems, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            throw new DomainException("A survey needs a title of at most 200 characters.");
        }

        if ((intro?.Trim().Length ?? 0) > IntroMax)
        {
            throw new DomainException("The introduction is too long (at most 1000 characters).");
        }

        _ = PlanMonth.First(month);
        if (closesOn < today)
        {
            throw new DomainException("The survey cannot close in the past.");
        }

        Title = title.Trim();
        Intro = string.IsNullOrWhiteSpace(intro) ? null : intro.Trim();
        Month = month;
        ClosesOn = closesOn;
        CreatedBy = TrainingPlan.Cut(by, TrainingPlan.ByMax);
        CreatedAt = at;
        var order = 0;
        foreach (var c in categories.Distinct().Order())
        {
            Items.Add(new SurveyItem(++order, c, null, SurveyItemKind.Rating));
        }

        foreach (var (text, kind) in freeItems.Where(f => !string.IsNullOrWhiteSpace(f.Text)))
        {
            if (text.Trim().Length > SurveyItem.TextMax)
            {
                throw new DomainException("A survey item is at most 300 characters.");
            }

            Items.Add(new SurveyItem(++order, null, text.Trim(), kind));
        }

        if (Items.Count == 0)
        {
            throw new DomainException("A survey needs at least one item.");
        }

        Audience.AddRange(teamIds.Distinct().Select(t => new SurveyAudience(t)));
        if (Audience.Count == 0)
        {
            throw new DomainException("Choose the teams the survey goes to.");
        }
    }

    public bool IsOpen(DateOnly today) => !Closed && today <= ClosesOn;

    public void Close() => Closed = true;
}

/// <summary>One question of a survey: one of the eight categories, or a free item.</summary>
public sealed class SurveyItem : IAudited
{
    public const int TextMax = 300;

    public int Id { get; private set; }
    public int SurveyId { get; private set; }
    public int Order { get; private set; }
    public SkillArea? Category { get; private set; }
    public string? Text { get; private set; }
    public SurveyItemKind Kind { get; private set; }

    private SurveyItem() { }

    internal SurveyItem(int order, SkillArea? category, string? text, SurveyItemKind kind)
    {
        Order = order;
        Category = category;
        Text = text;
        Kind = category is null ? kind : SurveyItemKind.Rating;
    }
}

/// <summary>A team the survey is sent to.</summary>
public sealed class SurveyAudience
{
    public int SurveyId { get; private set; }
    public int TeamId { get; private set; }

    private SurveyAudience() { }

    internal SurveyAudience(int teamId) => TeamId = teamId;
}

/// <summary>One person's answers; one per person and survey. The team is kept as it was when they answered.</summary>
public sealed class SurveyResponse : IAudited
{
    public const int AnswerMax = 500;

    public int Id { get; private set; }
    public int SurveyId { get; private set; }
    public int EmployeeId { get; private set; }
    public int? TeamId { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public List<SurveyAnswer> Answers { get; private set; } = [];

    private SurveyResponse() { }

    /// <summary>Checks the answers against the survey's items: a rating 1–5 for rating items, text up to 500 characters; at least one answer.</summary>
    public SurveyResponse(NeedsSurvey survey, Employee person, IReadOnlyDictionary<int, (int? Rating, string? Text)> answers, DateOnly today, DateTimeOffset at)
    {
        if (!survey.IsOpen(today))
        {
            throw new DomainException("The survey is closed.");
        }

        SurveyId = survey.Id;
        EmployeeId = person.Id;
        TeamId = person.TeamId;
        SubmittedAt = at;
        foreach (var item in survey.Items)
        {
            if (!answers.TryGetValue(item.Id, out var a))
            {
                continue;
            }

            if (item.Kind == SurveyItemKind.Rating && a.Rating is { } r)
            {
                if (r is < 1 or > 5)
                {
                    throw new DomainException("A rating is from 1 to 5.");
                }

                Answers.Add(new SurveyAnswer(item.Id, r, null));
            }
            else if (item.Kind == SurveyItemKind.Text && !string.IsNullOrWhiteSpace(a.Text))
            {
                if (a.Text.Trim().Length > AnswerMax)
                {
                    throw new DomainException("An answer is at most 500 characters.");
                }

                Answers.Add(new SurveyAnswer(item.Id, null, a.Text.Trim()));
            }
        }

        if (Answers.Count == 0)
        {
            throw new DomainException("Answer at least one question.");
        }
    }
}

public sealed class SurveyAnswer : IAudited
{
    public long Id { get; private set; }
    public int ResponseId { get; private set; }
    public int ItemId { get; private set; }
    public int? Rating { get; private set; }
    public string? Text { get; private set; }

    private SurveyAnswer() { }

    internal SurveyAnswer(int itemId, int? rating, string? text)
    {
        ItemId = itemId;
        Rating = rating;
        Text = text;
    }
}

/// <summary>
/// 汇总需求调查结果 — the survey's answers per item (category) and team: how many answered, the mean
/// rating, and the share who need it (rated 4 or 5). Pure, so it is unit-tested.
/// </summary>
public static class SurveyAggregation
{
    /// <summary>A rating from this value up counts as "needs it".</summary>
    public const int Needed = 4;

    public sealed record Answer(int ItemId, int? TeamId, int? Rating, string? Text);

    public sealed record TeamFigure(int? TeamId, int Answers, decimal Mean, int NeedIt);

    public sealed record ItemFigure(int ItemId, int Answers, decimal? Mean, int NeedIt, decimal? NeedShare, IReadOnlyList<TeamFigure> Teams, IReadOnlyList<string> Texts);

    public static IReadOnlyList<ItemFigure> Aggregate(IEnumerable<SurveyItem> items, IEnumerable<Answer> answers)
    {
        var byItem = answers.ToLookup(a => a.ItemId);
        var result = new List<ItemFigure>();
        foreach (var item in items.OrderBy(i => i.Order))
        {
            var list = byItem[item.Id].ToList();
            if (item.Kind == SurveyItemKind.Text)
            {
                // The same answer given by several people is listed once, with how many gave it.
                var given = list.Where(a => !string.IsNullOrWhiteSpace(a.Text)).Select(a => a.Text!.Trim()).ToList();
                var texts = given.GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key).ToList();
                result.Add(new ItemFigure(item.Id, given.Count, null, 0, null, [], texts));
                continue;
            }

            var rated = list.Where(a => a.Rating is not null).ToList();
            var need = rated.Count(a => a.Rating >= Needed);
            var teams = rated.GroupBy(a => a.TeamId).Select(g => new TeamFigure(g.Key, g.Count(), Mean(g.Select(a => a.Rating!.Value))!.Value, g.Count(a => a.Rating >= Needed)))
                .OrderByDescending(t => t.Mean).ThenBy(t => t.TeamId).ToList();
            result.Add(new ItemFigure(item.Id, rated.Count, Mean(rated.Select(a => a.Rating!.Value)), need,
                rated.Count == 0 ? null : Math.Round(need * 100m / rated.Count, 1, MidpointRounding.AwayFromZero), teams, []));
        }

        return result;
    }

    /// <summary>Rating items, most needed first (mean, then share), for the needs they should raise.</summary>
    public static IReadOnlyList<ItemFigure> Ranked(IReadOnlyList<ItemFigure> figures) =>
        figures.Where(f => f.Mean is not null).OrderByDescending(f => f.Mean).ThenByDescending(f => f.NeedShare).ThenBy(f => f.ItemId).ToList();

    private static decimal? Mean(IEnumerable<int> ratings)
    {
        var list = ratings.ToList();
        return list.Count == 0 ? null : Math.Round((decimal)list.Sum() / list.Count, 2, MidpointRounding.AwayFromZero);
    }
}

internal sealed class NeedsSurveyConfiguration : IEntityTypeConfiguration<NeedsSurvey>
{
    public void Configure(EntityTypeBuilder<NeedsSurvey> b)
    {
        b.Property(x => x.Title).HasMaxLength(NeedsSurvey.TitleMax);
        b.Property(x => x.Intro).HasMaxLength(NeedsSurvey.IntroMax);
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.CreatedBy).HasMaxLength(TrainingPlan.ByMax);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Audience).WithOne().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Month);
    }
}

internal sealed class SurveyItemConfiguration : IEntityTypeConfiguration<SurveyItem>
{
    public void Configure(EntityTypeBuilder<SurveyItem> b)
    {
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(SurveyItem.TextMax);
    }
}

internal sealed class SurveyAudienceConfiguration : IEntityTypeConfiguration<SurveyAudience>
{
    public void Configure(EntityTypeBuilder<SurveyAudience> b)
    {
        b.HasKey(x => new { x.SurveyId, x.TeamId });
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.HasIndex(x => new { x.SurveyId, x.EmployeeId }).IsUnique();
        b.HasOne<NeedsSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(x => x.Text).HasMaxLength(SurveyResponse.AnswerMax);
        b.HasOne<SurveyItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ItemId);
    }
}
