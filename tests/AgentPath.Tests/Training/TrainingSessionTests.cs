using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Pipeline;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Training;

public sealed class TrainingSessionTests_Sqlite(SqliteAppFactory f) : TrainingSessionTests<SqliteAppFactory>(f);

public sealed class TrainingSessionTests_Postgres(PostgresAppFactory f) : TrainingSessionTests<PostgresAppFactory>(f);

/// <summary>Training sessions through the pages: a trainer creates one, the trainee signs in by code and gives feedback, the trainer marks absences; scope, courseware.</summary>
public abstract partial class TrainingSessionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [GeneratedRegex("data-code=\"(\\d{8})\"")]
    private static partial Regex CodeOnPage();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.FormTokenAsync(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<int> CreateSessionForLeadsTeamAsync(HttpClient trainer, string title)
    {
        var now = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var team = await factory.QueryAsync(db => db.Teams.Where(t => t.Name == "咨询一组").Select(t => t.Id).SingleAsync());
        var response = await PostFormAsync(trainer, "/training/sessions/edit", "/training/sessions/edit", new()
        {
            ["Form.Title"] = title, ["Form.Kind"] = "Business", ["Form.Date"] = now.ToString("yyyy-MM-dd"),
            ["Form.Starts"] = now.AddMinutes(-5).ToString("HH:mm"), ["Form.Ends"] = now.AddHours(1) > now.Date.AddDays(1) ? "23:59" : now.AddHours(1).ToString("HH:mm"),
            ["Form.Place"] = "培训室A", ["Form.TeamId"] = team.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
    }

    [Fact]
    public async Task A_trainee_signs_in_by_code_and_gives_feedback_and_the_trainer_sees_it()
    {
        // Noon in the center's time, so the session fits in the day.
        var today = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date;
        factory.Clock.SetUtcNow(new DateTimeOffset(today.AddDays(1).AddHours(12), TimeSpan.FromHours(8)));
        using var trainer = await factory.SignedInAsync("trainer");
        var id = await CreateSessionForLeadsTeamAsync(trainer, "签到测试：新品咨询要点");
        var code = CodeOnPage().Match(await trainer.GetStringAsync($"/training/sessions/{id}/code")).Groups[1].Value;
        Assert.Equal(8, code.Length);

        using var agent = await factory.SignedInAsync("agent");
        var wrong = code == "00000000" ? "11111111" : "00000000";
        var refused = await PostFormAsync(agent, "/training/sign-in", "/training/sign-in", new() { ["Code"] = wrong });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("没有找到使用该签到码", await refused.Content.ReadAsStringAsync());

        var signedIn = await PostFormAsync(agent, "/training/sign-in", "/training/sign-in", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith($"/training/sessions/{id}", signedIn.Headers.Location!.OriginalString);
        var agentId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "agent").Select(u => u.EmployeeId!.Value).SingleAsync());
        var attendance = await factory.QueryAsync(db => db.Attendances.SingleAsync(a => a.SessionId == id && a.EmployeeId == agentId));
        Assert.Equal(AttendanceStatus.Present, attendance.Status);
        Assert.Equal(SignInMethod.Code, attendance.Method);

        // Feedback: a rating out of range is refused, then a good one is kept, a second one is refused.
        var bad = await PostFormAsync(agent, $"/training/sessions/{id}", $"/training/sessions/{id}?handler=Feedback", new() { ["rating"] = "9" });
        Assert.Contains("评分为1到5分", await bad.Content.ReadAsStringAsync());
        var ok = await PostFormAsync(agent, $"/training/sessions/{id}", $"/training/sessions/{id}?handler=Feedback", new() { ["rating"] = "4", ["comment"] = "案例很实用" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var again = await agent.GetStringAsync($"/training/sessions/{id}");
        Assert.Contains("我的评价", again);
        Assert.DoesNotContain("name=\"rating\"", again);

        var page = await trainer.GetStringAsync($"/training/sessions/{id}");
        Assert.Contains("4.0", page);
        Assert.Contains("案例很实用", page);
        Assert.Contains("1 人评价", page);

        // The trainer marks a team member absent: without a reason refused, with one kept.
        var other = await factory.QueryAsync(db => db.Employees.Where(e => e.Team!.Name == "咨询一组" && e.Id != agentId && e.Stage == AgentPath.Web.Features.People.Stage.Regular)
            .Select(e => e.Id).FirstAsync());
        var noReason = await PostFormAsync(trainer, $"/training/sessions/{id}", $"/training/sessions/{id}?handler=Mark",
            new() { ["employeeId"] = other.ToString(), ["status"] = "Absent", ["reason"] = "" });
        Assert.Contains("缺勤须填写原因", await noReason.Content.ReadAsStringAsync());
        Assert.False(await factory.QueryAsync(db => db.Attendances.AnyAsync(a => a.SessionId == id && a.EmployeeId == other)));
        var withReason = await PostFormAsync(trainer, $"/training/sessions/{id}", $"/training/sessions/{id}?handler=Mark",
            new() { ["employeeId"] = other.ToString(), ["status"] = "Absent", ["reason"] = "Sick", ["note"] = "请病假" });
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var marked = await factory.QueryAsync(db => db.Attendances.SingleAsync(a => a.SessionId == id && a.EmployeeId == other));
        Assert.Equal((AttendanceStatus.Absent, AbsenceReason.Sick, SignInMethod.Marked), (marked.Status, marked.AbsenceReason, marked.Method));

        var sheet = await trainer.GetStringAsync($"/training/sessions/{id}/sheet");
        Assert.Contains("培训签到表", sheet);
        Assert.Contains("病假", sheet);

        // After the end, the code no longer signs anyone in.
        factory.Clock.Advance(TimeSpan.FromHours(3));
        using var lead = await factory.SignedInAsync("lead");
        var late = await PostFormAsync(lead, "/training/sign-in", "/training/sign-in", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
    }

    [Fact]
    public async Task A_session_is_seen_only_by_those_with_someone_of_its_audience_in_scope()
    {
        var outbound = await factory.QueryAsync(db => db.TrainingSessions.Where(s => s.TeamId != null && db.Teams.Any(t => t.Id == s.TeamId && t.Name == "回访一组"))
            .Select(s => s.Id).FirstAsync());
        var inbound = await factory.QueryAsync(db => db.TrainingSessions.Where(s => s.TeamId != null && db.Teams.Any(t => t.Id == s.TeamId && t.Name == "咨询一组"))
            .Select(s => s.Id).FirstAsync());
        using var lead = await factory.SignedInAsync("lead");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/training/sessions/{outbound}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/training/sessions/{inbound}")).StatusCode);
        var list = await lead.GetStringAsync("/training/sessions");
        Assert.DoesNotContain("回访一组业务培训", list);
        Assert.Contains("咨询一组业务培训", list);
        using var supervisor = await factory.SignedInAsync("supervisor");
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/training/sessions/edit/{outbound}")).StatusCode);
    }

    [Fact]
    public async Task The_department_manager_organises_recognition_events_but_not_other_sessions()
    {
        // R8.6: suggestion schemes, information-sharing meetings and recognition events, recorded like other training.
        using var manager = await factory.SignedInAsync("manager");
        var team = await factory.QueryAsync(db => (from u in db.Users
                                                   join e in db.Employees on u.EmployeeId equals e.Id
                                                   join t in db.Teams on e.DepartmentId equals t.DepartmentId
                                                   where u.UserName == "manager"
                                                   orderby t.Id
                                                   select t.Id).FirstAsync());
        var form = await manager.GetStringAsync("/training/sessions/edit");
        Assert.Contains("value=\"Recognition\"", form);
        Assert.DoesNotContain("value=\"Business\"", form);

        var day = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(3).ToString("yyyy-MM-dd");
        Dictionary<string, string> Fields(string kind) => new()
        {
            ["Form.Title"] = "季度服务之星表彰会", ["Form.Kind"] = kind, ["Form.Date"] = day,
            ["Form.Starts"] = "16:00", ["Form.Ends"] = "17:00", ["Form.Place"] = "三楼会议室", ["Form.TeamId"] = team.ToString(),
        };
        var refused = await PostFormAsync(manager, "/training/sessions/edit", "/training/sessions/edit", Fields("Business"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("部门经理可组织合理化建议活动、信息交流会和表彰活动", await refused.Content.ReadAsStringAsync());

        var created = await PostFormAsync(manager, "/training/sessions/edit", "/training/sessions/edit", Fields("Recognition"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var session = await factory.QueryAsync(db => db.TrainingSessions.SingleAsync(x => x.Id == id));
        Assert.Equal(SessionKind.Recognition, session.Kind);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/training/sessions/{id}/sheet")).StatusCode);

        // A trainer's business session in the same department stays the trainer's to change.
        using var trainer = await factory.SignedInAsync("trainer");
        var business = await PostFormAsync(trainer, "/training/sessions/edit", "/training/sessions/edit", new(Fields("Business")) { ["Form.Title"] = "业务培训：新品" });
        var businessId = int.Parse(business.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/training/sessions/edit/{businessId}")).StatusCode);
    }

    [Fact]
    public async Task Courseware_is_uploaded_through_the_file_store_and_downloaded_with_ranges()
    {
        using var trainer = await factory.SignedInAsync("trainer");
        var id = await factory.QueryAsync(db => db.TrainingSessions.Where(s => s.TeamId != null).Select(s => s.Id).FirstAsync());
        async Task<HttpResponseMessage> Upload(string name, byte[] bytes)
        {
            var token = await trainer.FormTokenAsync($"/training/sessions/{id}");
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return await trainer.PostAsync($"/training/sessions/{id}?handler=Upload",
                new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", name } });
        }

        var refused = await Upload("script.exe", [1, 2, 3]);
        Assert.Contains("不支持将此类文件作为课件", await refused.Content.ReadAsStringAsync());
        var content = System.Text.Encoding.UTF8.GetBytes("标准话术：您好，这里是健康咨询热线。");
        Assert.Equal(HttpStatusCode.Redirect, (await Upload("..\\..\\话术.txt", content)).StatusCode);
        var stored = await factory.QueryAsync(db => db.CoursewareFiles.SingleAsync(f => f.SessionId == id));
        Assert.Equal("话术.txt", stored.FileName);
        Assert.DoesNotContain("话术", stored.StorageKey);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/training/sessions/{id}?handler=File&fileId={stored.Id}");
        request.Headers.Range = new RangeHeaderValue(0, 5);
        var partial = await trainer.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(content[..6], await partial.Content.ReadAsByteArrayAsync());

        using var outsider = await factory.SignedInAsync("lead");
        var hidden = await factory.QueryAsync(db => db.TrainingSessions.Where(s => db.Teams.Any(t => t.Id == s.TeamId && t.Name == "回访一组")).Select(s => s.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/training/sessions/{hidden}?handler=File&fileId={stored.Id}")).StatusCode);
    }
}
