using System.Globalization;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Http;

/// <summary>
/// Issue 11, failure 8: the demo's titles and months follow the center's today at seeding. On the old code a demo
/// seeded in January still opened "11月业务考试", showed "10月业务考试" as last month's and held "11月第3周校准会".
/// The demo is seeded here with a clock set to 12 January 2027 (a year boundary: last month is 2026's December).
/// </summary>
public sealed partial class DemoCalendarTests(DemoCalendarTests.JanuaryDemo factory) : IClassFixture<DemoCalendarTests.JanuaryDemo>
{
    /// <summary>12 January 2027, 11:00 in Beijing.</summary>
    private static readonly DateTimeOffset Seeded = new(2027, 1, 12, 3, 0, 0, TimeSpan.Zero);

    /// <summary>The demo, seeded on <see cref="Seeded"/>.</summary>
    public sealed class JanuaryDemo : SqliteAppFactory
    {
        public JanuaryDemo() => Clock.SetUtcNow(Seeded);
    }

    [GeneratedRegex(@"(\d{1,2})月")]
    private static partial Regex MonthWord();

    [Fact]
    public void The_calendar_names_months_weeks_and_exams_from_a_day()
    {
        var day = new DateOnly(2027, 1, 12);
        Assert.Equal(day, DemoCalendar.Today(factory.Clock));
        Assert.Equal("1月业务考试", DemoCalendar.ThisMonthsExam(day));
        Assert.Equal("12月业务考试", DemoCalendar.LastMonthsExam(day));
        Assert.Equal("1月业务考试试卷", DemoCalendar.PaperOf(DemoCalendar.ThisMonthsExam(day)));
        Assert.Equal("1月第2周校准会", DemoCalendar.CalibrationSession(day));
        Assert.Equal("1月第1周校准会", DemoCalendar.CalibrationSession(new DateOnly(2027, 1, 7)));
        Assert.Equal("12月第5周校准会", DemoCalendar.CalibrationSession(new DateOnly(2026, 12, 31)));
        Assert.Equal("1月第1周校准会（二）", DemoCalendar.SecondCalibrationSession(new DateOnly(2027, 1, 7), new DateOnly(2027, 1, 1)));
        Assert.Equal("1月第2周校准会", DemoCalendar.SecondCalibrationSession(day, new DateOnly(2027, 1, 6)));
        Assert.Equal(day, factory.DemoToday);
    }

    [Fact]
    public async Task A_demo_seeded_in_January_opens_Januarys_exam_and_shows_Decembers_as_last_months()
    {
        var exams = await factory.QueryAsync(db => db.Exams.Where(e => e.Kind == ExamKind.MonthlyBusiness).Select(e => new { e.Title, e.OpensAt, e.ClosesAt }).ToListAsync());
        var open = Assert.Single(exams, e => e.OpensAt <= Seeded && e.ClosesAt > Seeded);
        Assert.Equal("1月业务考试", open.Title);
        var closed = Assert.Single(exams, e => e.ClosesAt <= Seeded);
        Assert.Equal("12月业务考试", closed.Title);
        Assert.Equal(12, closed.OpensAt.ToOffset(TimeSpan.FromHours(8)).Month);

        var papers = await factory.QueryAsync(db => db.Papers.Select(p => p.Title).ToListAsync());
        Assert.Contains("1月业务考试试卷", papers);
        Assert.Contains("12月业务考试试卷", papers);

        // The agent's list and the notification name the same exam.
        using var agent = await factory.SignedInAsync("agent");
        Assert.Contains("1月业务考试", await agent.GetStringAsync("/exams"), StringComparison.Ordinal);
        var notices = await factory.QueryAsync(db => db.Notifications.Where(n => n.MessageKey == "A new exam is open for you: {0}.").Select(n => n.Args).ToListAsync());
        var named = notices.SelectMany(a => System.Text.Json.JsonSerializer.Deserialize<string[]>(a)!).ToList();
        Assert.Contains("1月业务考试", named);
        Assert.DoesNotContain(named, a => a.Contains("11月", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calibration_reviews_surveys_and_needs_are_named_by_the_month_they_fall_in()
    {
        var sessions = await factory.QueryAsync(db => db.CalibrationSessions.Select(c => c.Title).ToListAsync());
        Assert.Contains("1月第1周校准会", sessions); // 6 days before: 6 January
        Assert.Contains("1月第2周校准会", sessions); // today: 12 January

        var reviews = await factory.QueryAsync(db => db.MonthlyReviews.Select(r => r.Title).ToListAsync());
        Assert.Contains("12月业务汇总培训", reviews);
        Assert.Contains("1月业务汇总培训", reviews);

        var surveys = await factory.QueryAsync(db => db.NeedsSurveys.Select(s => s.Title).ToListAsync());
        Assert.Contains("1月综合技能培训需求调查", surveys);
        Assert.Contains("2月培训需求调查", surveys);

        // Every month a demo record names is last month, this month or next month, as seen on 12 January.
        var texts = new List<string>();
        texts.AddRange(await factory.QueryAsync(db => db.Exams.Select(e => e.Title).ToListAsync()));
        texts.AddRange(await factory.QueryAsync(db => db.Papers.Select(p => p.Title).ToListAsync()));
        texts.AddRange(await factory.QueryAsync(db => db.Homework.Select(h => h.Title).ToListAsync()));
        texts.AddRange(await factory.QueryAsync(db => db.TrainingNeeds.Select(n => n.Title + " " + n.Details).ToListAsync()));
        texts.AddRange(await factory.QueryAsync(db => db.Questions.Where(q => q.IsCurrent).Select(q => q.Text).ToListAsync()));
        texts.AddRange(sessions);
        texts.AddRange(reviews);
        texts.AddRange(surveys);
        var months = texts.SelectMany(t => MonthWord().Matches(t).Select(m => (Text: t, Month: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))).ToList();
        Assert.NotEmpty(months);
        Assert.All(months, m => Assert.True(m.Month is 12 or 1 or 2, $"\"{m.Text}\" names a month away from January."));
    }
}
