using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Assessments.Formats;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class QuestionImportBoundsTests_Sqlite(SqliteAppFactory f) : QuestionImportBoundsTests<SqliteAppFactory>(f);

public sealed class QuestionImportBoundsTests_Postgres(PostgresAppFactory f) : QuestionImportBoundsTests<PostgresAppFactory>(f);

/// <summary>
/// Issue 10, failures 8 and 18: the question import is bounded. On the old code deep nesting took 18.8 s (700 KB) and
/// 148 s (1.4 MB) and answered 200, a DTD was "not well-formed XML, line 0" (200), Moodle's error_invalid_grades.xml
/// imported, and GIFT and XML files had no cap on questions (200 with every question previewed).
/// </summary>
public abstract class QuestionImportBoundsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private async Task<HttpClient> ApiAsync()
    {
        var api = await factory.BearerAsync("trainer");
        api.DefaultRequestHeaders.AcceptLanguage.Clear();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return api;
    }

    private Task<(int Questions, int Imports)> CountsAsync() =>
        factory.QueryAsync(async db => (await db.Questions.CountAsync(), await db.Set<QuestionImport>().CountAsync()));

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> UploadAsync(HttpClient api, byte[] bytes, string name, string format)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent(format), "format" } };
        var sw = Stopwatch.StartNew();
        var response = await api.PostAsync("/api/v1/question-bank/imports", form);
        await response.Content.LoadIntoBufferAsync();
        return (response, sw.Elapsed);
    }

    /// <summary>Refused whole: 400, a Chinese title naming <paramref name="named"/>, nothing stored.</summary>
    private async Task RefusedAsync(HttpClient api, byte[] bytes, string name, string format, string named, string what)
    {
        var before = await CountsAsync();
        var (response, took) = await UploadAsync(api, bytes, name, format);
        var text = await response.Content.ReadAsStringAsync();
        Console.WriteLine($"{what}: {bytes.Length / 1024} KB → {(int)response.StatusCode} in {took.TotalMilliseconds:0} ms");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        var title = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
        Assert.Contains(named, title, StringComparison.Ordinal);
        Assert.True(title.Any(c => c >= 0x4E00 && c <= 0x9FFF), $"{what}: not in Chinese: {title}");
        Assert.True(took < TimeSpan.FromSeconds(5), $"{what} took {took}");
        Assert.Equal(before, await CountsAsync());
    }

    private static byte[] Nested(int depth)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><quiz>", depth * 7 + 64);
        sb.Insert(sb.Length, "<a>", depth).Insert(sb.Length, "</a>", depth).Append("</quiz>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public async Task Deeply_nested_xml_is_refused_at_once_naming_the_depth_limit()
    {
        using var api = await ApiAsync();
        var limit = MoodleXmlFormat.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await RefusedAsync(api, Nested(100_000), "deep-700k.xml", "moodlexml", limit, "deep nesting 700 KB");
        await RefusedAsync(api, Nested(200_000), "deep-1400k.xml", "moodlexml", limit, "deep nesting 1.4 MB");
        await RefusedAsync(api, Nested(2_800_000), "deep-20m.xml", "moodlexml", limit, "deep nesting 19.6 MB");
    }

    [Fact]
    public async Task A_dtd_is_refused_as_a_dtd()
    {
        using var api = await ApiAsync();
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<quiz><question type=\"essay\"><name><text>&b;</text></name><questiontext><text>x</text></questiontext></question></quiz>";
        await RefusedAsync(api, Encoding.UTF8.GetBytes(xml), "dtd.xml", "moodlexml", "DTD", "DTD");
    }

    [Fact]
    public async Task Moodles_error_invalid_grades_is_refused_like_moodle_refuses_it()
    {
        using var api = await ApiAsync();
        var before = await CountsAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Fixtures", "moodle-xml", "error_invalid_grades.xml"));
        var (response, took) = await UploadAsync(api, bytes, "error_invalid_grades.xml", "moodlexml");
        Console.WriteLine($"error_invalid_grades.xml: {(int)response.StatusCode} in {took.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the preview lists the problem
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, preview.GetProperty("importable").GetInt32());
        var problem = Assert.Single(preview.GetProperty("problems").EnumerateArray()).GetProperty("message").GetString()!;
        Assert.Contains("33%", problem, StringComparison.Ordinal);
        Assert.Contains("Moodle", problem, StringComparison.Ordinal);

        var commit = await api.PostAsJsonAsync($"/api/v1/question-bank/imports/{preview.GetProperty("id").GetString()}/commit", new { skipUnsupported = true });
        Assert.Equal(HttpStatusCode.Conflict, commit.StatusCode);
        Assert.Equal(before.Questions, (await CountsAsync()).Questions);
    }

    [Fact]
    public async Task More_questions_than_the_cap_are_refused_in_gift_and_xml()
    {
        using var api = await ApiAsync();
        var cap = FormatText.MaxQuestionsPerFile;
        var named = cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // QuestionSheet.MaxRows is the same constant: one cap for every format.

        var gift = new StringBuilder();
        for (var i = 0; i <= cap; i++)
        {
            gift.Append("::题").Append(i).Append("::第").Append(i).Append("题对吗？{T}\n\n");
        }

        await RefusedAsync(api, Encoding.UTF8.GetBytes(gift.ToString()), "many.gift.txt", "gift", named, $"GIFT with {cap + 1} questions");

        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><quiz>");
        for (var i = 0; i <= cap; i++)
        {
            xml.Append("<question type=\"truefalse\"><name><text>题").Append(i).Append("</text></name><questiontext><text>对吗？</text></questiontext><answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer></question>");
        }

        xml.Append("</quiz>");
        await RefusedAsync(api, Encoding.UTF8.GetBytes(xml.ToString()), "many.xml", "moodlexml", named, $"XML with {cap + 1} questions");
    }
}
