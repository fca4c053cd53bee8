using System.Net;
using AgentPath.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Pipeline;

public sealed class ProgramTemplatePagesTests_Sqlite(SqliteAppFactory f) : ProgramTemplatePagesTests<SqliteAppFactory>(f);

public sealed class ProgramTemplatePagesTests_Postgres(PostgresAppFactory f) : ProgramTemplatePagesTests<PostgresAppFactory>(f);

/// <summary>The 7-day induction program: shown with days, owners, goals and evidence; an edit saves a new version and keeps the old one.</summary>
public abstract class ProgramTemplatePagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [Fact]
    public async Task Editing_the_program_saves_a_new_version_and_keeps_the_old_one()
    {
        using var trainer = await factory.SignedInAsync("trainer");
        var first = await factory.QueryAsync(db => db.ProgramTemplates.Where(p => p.IsCurrent).Select(p => new { p.Id, p.Version }).SingleAsync());
        var page = await trainer.GetStringAsync("/induction/programs");
        Assert.Contains("公司简介、呼叫中心简介、岗位职责简介", page);
        Assert.Contains("回访时长（不少于120分钟）", page);

        var token = await trainer.FormTokenAsync($"/induction/programs/{first.Id}/revise");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "实习期岗前培训（7天）" };
        string[] owners = ["Hr", "Supervisor", "Supervisor", "Trainer", "Trainer", "Supervisor", "Trainer"];
        for (var i = 0; i < 7; i++)
        {
            fields[$"Days[{i}].Topics"] = i == 3 ? "服务流程规范、服务技巧、投诉处理基础" : $"第{i + 1}天内容";
            fields[$"Days[{i}].OwnerRole"] = owners[i];
            fields[$"Days[{i}].Goal"] = "目标";
            fields[$"Days[{i}].Evidence"] = "签到表";
        }

        // A day with an unknown owner is refused and nothing is saved.
        fields["Days[7].Topics"] = "多出的一天";
        fields["Days[7].OwnerRole"] = "Nobody";
        var refused = await trainer.PostAsync($"/induction/programs/{first.Id}/revise", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.ProgramTemplates.CountAsync()));

        fields["Days[7].Topics"] = "";
        var saved = await trainer.PostAsync($"/induction/programs/{first.Id}/revise", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var versions = await factory.QueryAsync(db => db.ProgramTemplates.Include(p => p.Days).OrderBy(p => p.Version).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.False(versions[0].IsCurrent);
        Assert.True(versions[1].IsCurrent);
        Assert.Equal(first.Version + 1, versions[1].Version);
        Assert.Equal(7, versions[1].Days.Count);
        Assert.Equal("服务流程规范、服务技巧、投诉处理基础", versions[1].Days.Single(d => d.DayNumber == 4).Topics);
        Assert.Contains("公司产品", versions[0].Days.Single(d => d.DayNumber == 2).Topics);

        // The old version can no longer be edited; its page still shows it.
        var stale = await trainer.PostAsync($"/induction/programs/{first.Id}/revise", new FormUrlEncodedContent(fields));
        Assert.Contains("只能编辑当前版本", await stale.Content.ReadAsStringAsync());
        Assert.Contains("历史版本", await trainer.GetStringAsync($"/induction/programs/{first.Id}"));

        using var supervisor = await factory.SignedInAsync("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/induction/programs/{versions[1].Id}/revise")).StatusCode);
    }
}
