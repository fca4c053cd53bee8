using System.Net;
using System.Text;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class BindingTests_Sqlite(SqliteAppFactory f) : BindingTests<SqliteAppFactory>(f);

public sealed class BindingTests_Postgres(PostgresAppFactory f) : BindingTests<PostgresAppFactory>(f);

/// <summary>
/// Bodies the API cannot bind (failure 12): wrong JSON types, malformed JSON, empty bodies are a 400
/// ProblemDetails in the caller's language, naming the field when there is one; never a bare "Bad Request".
/// </summary>
public abstract class BindingTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static bool HasChinese(string? s) => s is not null && s.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        var title = problem.GetProperty("title").GetString();
        Assert.True(HasChinese(title), "title not in Chinese: " + title);
        Assert.NotEqual("Bad Request", title);
        return problem;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<int> PersonAsync() => await factory.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());

    public static TheoryData<string, string, string> WrongTypes => new()
    {
        { "POST", "/api/v1/people", """{"employeeNumber":"T1","name":123,"hireDate":"2026-01-05","teamId":1}""" },
        { "POST", "/api/v1/people", """{"employeeNumber":"T1","name":"张三","hireDate":"明天","teamId":1}""" },
        { "POST", "/api/v1/people", """{"employeeNumber":"T1","name":"张三","hireDate":"2026-01-05","teamId":"一组"}""" },
        { "PUT", "/api/v1/people/{id}", """{"name":"张三","hireDate":"2026-01-05","serviceLevel":[3]}""" },
        { "POST", "/api/v1/evaluations", """{"recordingId":"abc","scorecardId":1}""" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task A_value_of_the_wrong_type_is_a_localized_400_naming_the_field(string method, string path, string body)
    {
        using var api = await factory.ChineseBearerAsync(path.Contains("evaluations", StringComparison.Ordinal) ? "qa" : "hr");
        var people = await factory.QueryAsync(db => db.Employees.CountAsync());
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", (await PersonAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)) { Content = Json(body) };
        var problem = await ProblemAsync(await api.SendAsync(request), HttpStatusCode.BadRequest);

        var field = problem.GetProperty("errors").EnumerateObject().Single().Name;
        Assert.Contains(field, body, StringComparison.Ordinal);
        Assert.Contains(field, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(people, await factory.QueryAsync(db => db.Employees.CountAsync()));
    }

    [Theory]
    [InlineData("POST", "/api/v1/people", """{"employeeNumber":"T1","name":""")]
    [InlineData("POST", "/api/v1/people", "not json")]
    [InlineData("PUT", "/api/v1/people/{id}", "{,}")]
    [InlineData("POST", "/api/v1/evaluations", "[1,2")]
    public async Task Malformed_json_is_a_localized_400(string method, string path, string body)
    {
        using var api = await factory.ChineseBearerAsync(path.Contains("evaluations", StringComparison.Ordinal) ? "qa" : "hr");
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", (await PersonAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)) { Content = Json(body) };
        await ProblemAsync(await api.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("POST", "/api/v1/people")]
    [InlineData("PUT", "/api/v1/people/{id}")]
    [InlineData("POST", "/api/v1/evaluations")]
    public async Task An_empty_body_is_a_localized_400(string method, string path)
    {
        using var api = await factory.ChineseBearerAsync(path.Contains("evaluations", StringComparison.Ordinal) ? "qa" : "hr");
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", (await PersonAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)) { Content = Json("") };
        await ProblemAsync(await api.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_question_file_over_the_limit_is_a_413_in_chinese_and_nothing_is_kept()
    {
        using var api = await factory.ChineseBearerAsync("trainer");
        var files = factory.StoredFiles();
        var imports = await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.Assessments.QuestionImport>().CountAsync());
        var big = new byte[(int)AgentPath.Web.Features.Assessments.QuestionImporter.MaxFileBytes + 1024];
        Array.Fill(big, (byte)'a');
        using var form = new MultipartFormDataContent { { new ByteArrayContent(big), "file", "题库.gift.txt" }, { new StringContent("gift"), "format" } };

        var problem = await ProblemAsync(await api.PostAsync("/api/v1/question-bank/imports", form), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("文件过大。", problem.GetProperty("title").GetString());
        Assert.Equal(files, factory.StoredFiles());
        Assert.Equal(imports, await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.Assessments.QuestionImport>().CountAsync()));
    }
}
