using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Tests.Quality;
using AgentPath.Web.Features.Quality;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class RangeTests_Sqlite(SqliteAppFactory f) : RangeTests<SqliteAppFactory>(f);

public sealed class RangeTests_Postgres(PostgresAppFactory f) : RangeTests<PostgresAppFactory>(f);

/// <summary>Values out of range (failure 13, calls, findings and dates): refused with a clear message, nothing stored.</summary>
public abstract class RangeTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static async Task<string> TitleAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("title").GetString()!;
    }

    private Task<string> NumberAsync() => factory.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.EmployeeNumber).FirstAsync());

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", 60, "2000-01-01")]
    [InlineData("1999-12-31T23:00:00Z", 60, "2000-01-01")]
    [InlineData(null, 0, "1 秒")]
    public async Task A_call_dated_before_2000_or_lasting_no_time_is_refused_and_not_stored(string? startedAt, int duration, string message)
    {
        using var qa = await factory.ChineseBearerAsync("qa");
        var before = await factory.QueryAsync(db => db.Recordings.CountAsync());
        var callId = "RANGE-" + Guid.NewGuid().ToString("N")[..8];

        var title = await TitleAsync(await qa.UploadAsync(await NumberAsync(), null, startedAt: startedAt, duration: duration, callId: callId));

        Assert.Contains(message, title, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Recordings.CountAsync()));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("9223372036854775808")]
    [InlineData("12")]
    public async Task A_finding_outside_the_call_is_refused_and_no_evaluation_is_stored(string atSecond)
    {
        using var qa = await factory.ChineseBearerAsync("qa");
        var upload = await qa.UploadAsync(await NumberAsync(), DemoAudio.Wav(10, 3), duration: 10);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var call = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var card = (await qa.GetFromJsonAsync<List<QualityApi.ScorecardDto>>("/api/v1/scorecards"))!.Single(c => c.Name == QualityDemoSeed.SevenDimensions);
        var body = $$"""{"recordingId":{{call}},"scorecardId":{{card.Id}},"findings":[{"tag":"BusinessKnowledge","atSecond":{{atSecond}},"note":"语速过快"}]}""";

        var title = await TitleAsync(await qa.PostAsync("/api/v1/evaluations", new StringContent(body, System.Text.Encoding.UTF8, "application/json")));

        Assert.Contains("10 秒", title, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Evaluations.CountAsync(e => e.RecordingId == call)));
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("2200-01-01")]
    public async Task A_hire_date_before_2000_or_far_ahead_is_refused_naming_the_field(string hireDate)
    {
        using var hr = await factory.ChineseBearerAsync("hr");
        var team = await factory.QueryAsync(db => db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var number = "R" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();

        var response = await hr.PostAsJsonAsync("/api/v1/people", new { employeeNumber = number, name = "范围测试", hireDate, teamId = team });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Contains("2000-01-01", errors.GetProperty("hireDate")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == number)));
    }
}
