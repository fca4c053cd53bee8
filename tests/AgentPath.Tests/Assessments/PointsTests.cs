using System.Net;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Assessments;

public sealed class PointsTests_Sqlite(SqliteAppFactory f) : PointsTests<SqliteAppFactory>(f);

public sealed class PointsTests_Postgres(PostgresAppFactory f) : PointsTests<PostgresAppFactory>(f);

/// <summary>The points ledger shows last month's exam points in scope; tiers are configurable; corrections are new entries.</summary>
public abstract class PointsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [Fact]
    public async Task Hr_adds_a_tier_and_refuses_an_overlapping_one()
    {
        using var hr = await factory.SignedInAsync("hr");
        async Task<HttpResponseMessage> AddAsync(string min, string max, string points) => await hr.PostAsync("/points/rules/new",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Kind"] = "LevelExam", ["MinPercent"] = min, ["MaxPercent"] = max, ["Points"] = points, ["Note"] = "等级考核加分",
                ["__RequestVerificationToken"] = await hr.FormTokenAsync("/points/rules/new"),
            }));

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("90", "100", "3")).StatusCode);
        var overlap = await AddAsync("95", "100", "1");
        Assert.Contains("重叠", await overlap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tiers = await factory.QueryAsync(db => db.PointsRules.Where(r => r.Kind == ExamKind.LevelExam).ToListAsync());
        Assert.Equal(3m, Assert.Single(tiers).Points);
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_naming_the_one_it_corrects()
    {
        var entry = await factory.QueryAsync(db => db.PointsEntries.OrderBy(p => p.Id).FirstAsync());
        using var hr = await factory.SignedInAsync("hr");
        var page = await hr.GetStringAsync($"/points?month={entry.Month}");
        Assert.Contains(entry.Reason, page, StringComparison.Ordinal);
        var post = await hr.PostAsync("/points?handler=Correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["entryId"] = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["points"] = "-1", ["reason"] = "成绩录入有误",
            ["__RequestVerificationToken"] = await hr.FormTokenAsync("/points"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var entries = await factory.QueryAsync(db => db.PointsEntries.Where(p => p.EmployeeId == entry.EmployeeId && p.Month == entry.Month).OrderBy(p => p.Id).ToListAsync());
        var original = entries.Single(p => p.Id == entry.Id);
        Assert.Equal(entry.Points, original.Points); // unchanged
        var correction = entries.Single(p => p.CorrectsId == entry.Id);
        Assert.Equal(-1m, correction.Points);
        Assert.Equal("hr", correction.By);

        // An agent sees only their own ledger and cannot correct.
        using var agent = await factory.SignedInAsync("agent");
        var own = await agent.GetStringAsync($"/points?month={entry.Month}");
        Assert.DoesNotContain("添加更正", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/points/rules")).StatusCode);
    }
}
