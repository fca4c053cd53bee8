using AgentPath.Web.Data;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using Microsoft.Extensions.Time.Testing;

namespace AgentPath.Tests.Pipeline;

/// <summary>The 30-day limit of the apprenticeship (R3.4), daily evaluations and coaching steps (R3.1, R3.2), and the 70/30 of probation (R4.1).</summary>
public class CoachingAndHoursTests
{
    private static readonly Site Site = new("广州职场");
    private static readonly Department Dept = new(Site, "咨询热线部");
    private static readonly Team Team = new(Dept, "咨询一组");

    [Fact]
    public void The_thirty_day_limit_warns_at_day_20_and_25_and_flags_after_day_30()
    {
        var since = new DateOnly(2026, 11, 1);
        // Day 1 is 1 November, 00:00 in Beijing = 31 October 16:00 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(ApprenticeshipAlert.None, ApprenticeshipLimit.AlertFor(since, clock));
        clock.Advance(TimeSpan.FromDays(18)); // day 19
        Assert.Equal(ApprenticeshipAlert.None, ApprenticeshipLimit.AlertFor(since, clock));
        clock.Advance(TimeSpan.FromDays(1)); // day 20
        Assert.Equal(ApprenticeshipAlert.Day20, ApprenticeshipLimit.AlertFor(since, clock));
        clock.Advance(TimeSpan.FromDays(4)); // day 24
        Assert.Equal(ApprenticeshipAlert.Day20, ApprenticeshipLimit.AlertFor(since, clock));
        clock.Advance(TimeSpan.FromDays(1)); // day 25
        Assert.Equal(ApprenticeshipAlert.Day25, ApprenticeshipLimit.AlertFor(since, clock));
        clock.Advance(TimeSpan.FromDays(5)); // day 30, the last day
        Assert.Equal(ApprenticeshipAlert.Day25, ApprenticeshipLimit.AlertFor(since, clock));
        Assert.Equal(new DateOnly(2026, 11, 30), ApprenticeshipLimit.Deadline(since));
        clock.Advance(TimeSpan.FromDays(1)); // day 31
        Assert.Equal(ApprenticeshipAlert.Overdue, ApprenticeshipLimit.AlertFor(since, clock));
    }

    [Fact]
    public void The_day_follows_the_center_calendar_not_utc()
    {
        // 23:30 UTC on 19 Nov is 07:30 on 20 Nov in Beijing: day 20.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(ApprenticeshipAlert.Day20, ApprenticeshipLimit.AlertFor(new DateOnly(2026, 11, 1), clock));
    }

    [Fact]
    public void A_daily_evaluation_scores_the_mean_rating_times_twenty()
    {
        var e = Apprentice();
        var d = new DailyEvaluation(e, Today, Today, 7, "黄志强", Roles.TeamLead, 4, 5, 4, 3, 5, "语速偏快", DateTimeOffset.UtcNow);
        Assert.Equal(84m, d.Score);
        Assert.Throws<DomainException>(() => new DailyEvaluation(e, Today, Today, 7, "黄志强", Roles.TeamLead, 0, 5, 4, 3, 5, null, DateTimeOffset.UtcNow));
        Assert.Equal("The date cannot be in the future.", Assert.Throws<DomainException>(() =>
            new DailyEvaluation(e, Today.AddDays(1), Today, 7, "黄志强", Roles.TeamLead, 4, 4, 4, 4, 4, null, DateTimeOffset.UtcNow)).Message);
        Assert.Equal("The date cannot be before the apprenticeship began.", Assert.Throws<DomainException>(() =>
            new DailyEvaluation(e, e.StageStart.AddDays(-1), Today, 7, "黄志强", Roles.TeamLead, 4, 4, 4, 4, 4, null, DateTimeOffset.UtcNow)).Message);
    }

    [Fact]
    public void Daily_evaluations_are_for_apprentices_only()
    {
        var e = new Employee("GZ2", "李娜", new DateOnly(2026, 10, 1), Dept, Team, Stage.Probation);
        Assert.Equal("Daily evaluations are for apprentices.", Assert.Throws<DomainException>(() =>
            new DailyEvaluation(e, Today, Today, 7, "黄志强", Roles.TeamLead, 4, 4, 4, 4, 4, null, DateTimeOffset.UtcNow)).Message);
    }

    [Fact]
    public void Coaching_steps_follow_one_another_up_to_five()
    {
        var e = Apprentice();
        var t = new WorkStandardTemplate("咨询电话", "Consultation call", "");
        CoachingStep? reached = null;
        foreach (var step in Enum.GetValues<CoachingStep>())
        {
            var r = CoachingStepRecord.Next(e, t, step, reached, Today, Today, null, 7, "黄志强", DateTimeOffset.UtcNow);
            reached = r.Step;
        }

        Assert.Equal("All five steps are done for this work standard.", Assert.Throws<DomainException>(() =>
            CoachingStepRecord.Next(e, t, CoachingStep.Supervised, reached, Today, Today, null, 7, "黄志强", DateTimeOffset.UtcNow)).Message);
        Assert.Equal("Coaching steps follow one another: record the next step.", Assert.Throws<DomainException>(() =>
            CoachingStepRecord.Next(e, t, CoachingStep.LeadWatches, CoachingStep.LeadShows, Today, Today, null, 7, "黄志强", DateTimeOffset.UtcNow)).Message);
    }

    [Theory]
    [InlineData(70, 30, 70.0, false)]
    [InlineData(60, 40, 60.0, false)] // exactly 10 points off is still on target
    [InlineData(59, 41, 59.0, true)]
    [InlineData(81, 19, 81.0, true)]
    [InlineData(14, 6, 70.0, false)]
    [InlineData(10, 0, 100.0, true)]
    public void The_seventy_thirty_figure_is_flagged_when_off_by_more_than_ten_points(decimal business, decimal general, decimal percent, bool off)
    {
        var mix = new HoursMix(business, general);
        Assert.Equal(percent, mix.BusinessPercent);
        Assert.Equal(off, mix.OffTarget);
    }

    [Fact]
    public void Without_hours_there_is_no_figure_and_no_flag()
    {
        var mix = new HoursMix(0, 0);
        Assert.Null(mix.BusinessPercent);
        Assert.False(mix.OffTarget);
    }

    [Fact]
    public void The_ledger_mix_sums_by_category()
    {
        var lines = new[]
        {
            new HoursLedger.Line(Today, 2, HoursCategory.Business, "新品培训", 1),
            new HoursLedger.Line(Today, 1.5m, HoursCategory.Business, "月度汇总培训", 2),
            new HoursLedger.Line(Today, 1.5m, HoursCategory.GeneralSkills, "有效沟通", null),
        };
        var mix = HoursLedger.Mix(lines);
        Assert.Equal(3.5m, mix.Business);
        Assert.Equal(70.0m, mix.BusinessPercent);
    }

    private static readonly DateOnly Today = new(2026, 11, 20);

    private static Employee Apprentice()
    {
        var e = new Employee("GZ1", "张伟", new DateOnly(2026, 11, 1), Dept, Team, Stage.Induction);
        e.Promote(Stage.Apprenticeship, true, new DateOnly(2026, 11, 8), Today);
        return e;
    }
}
