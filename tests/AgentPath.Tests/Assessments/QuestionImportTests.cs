using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Assessments;

public sealed class QuestionImportTests_Sqlite(SqliteAppFactory f) : QuestionImportTests<SqliteAppFactory>(f);

public sealed class QuestionImportTests_Postgres(PostgresAppFactory f) : QuestionImportTests<PostgresAppFactory>(f);

/// <summary>Question imports through the API: a preview lists every problem; nothing is imported before a clean, confirmed commit.</summary>
public abstract class QuestionImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static string MoodleGift() => Formats.FormatFixtures.SharedMoodle("questions.gift.txt");

    private static async Task<JsonElement> UploadAsync(HttpClient api, byte[] bytes, string name, string format)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent(format), "format" } };
        var response = await api.PostAsync("/api/v1/question-bank/imports", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Moodles_own_gift_file_imports_its_supported_questions_once_the_unsupported_ones_are_skipped()
    {
        using var api = await factory.BearerAsync("trainer");
        var before = await factory.QueryAsync(db => db.Questions.CountAsync());
        var preview = await UploadAsync(api, await File.ReadAllBytesAsync(MoodleGift()), "questions.gift.txt", "gift");
        var importable = preview.GetProperty("importable").GetInt32();
        var problems = preview.GetProperty("problems").EnumerateArray().ToList();
        Assert.True(importable > 0);
        Assert.Contains(problems, p => p.GetProperty("name").GetString() == "Moodle activities" && p.GetProperty("unsupported").GetBoolean());
        Assert.All(problems, p => Assert.True(p.GetProperty("position").GetInt32() > 0));
        var id = preview.GetProperty("id").GetString();

        // Unsupported questions are skipped only when the trainer says so.
        var refused = await api.PostAsJsonAsync($"/api/v1/question-bank/imports/{id}/commit", new { skipUnsupported = false });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.Questions.CountAsync()));

        var commit = await api.PostAsJsonAsync($"/api/v1/question-bank/imports/{id}/commit", new { skipUnsupported = true });
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        Assert.Equal(importable, (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(before + importable, await factory.QueryAsync(db => db.Questions.CountAsync()));

        // Committing the same import again is refused and imports nothing.
        var again = await api.PostAsJsonAsync($"/api/v1/question-bank/imports/{id}/commit", new { skipUnsupported = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before + importable, await factory.QueryAsync(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task A_malformed_file_gets_clear_problems_and_imports_nothing()
    {
        using var api = await factory.BearerAsync("trainer");
        var before = await factory.QueryAsync(db => db.Questions.CountAsync());
        var xml = await UploadAsync(api, Encoding.UTF8.GetBytes("<quiz><question type=\"multichoice\"><name><text>坏的"), "bad.xml", "moodlexml");
        Assert.Equal(0, xml.GetProperty("importable").GetInt32());
        Assert.NotEmpty(xml.GetProperty("problems").EnumerateArray());

        var gift = await UploadAsync(api, Encoding.UTF8.GetBytes("::单选::下列哪项正确？{=对 ~错\n"), "bad.gift.txt", "gift");
        Assert.NotEmpty(gift.GetProperty("problems").EnumerateArray());
        var commit = await api.PostAsJsonAsync($"/api/v1/question-bank/imports/{gift.GetProperty("id").GetString()}/commit", new { skipUnsupported = true });
        Assert.Equal(HttpStatusCode.Conflict, commit.StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task An_exported_bank_imports_again_with_every_question()
    {
        using var api = await factory.BearerAsync("trainer");
        foreach (var format in new[] { "xlsx", "gift", "moodlexml" })
        {
            var file = await api.GetByteArrayAsync($"/api/v1/question-bank/export?format={format}");
            var preview = await UploadAsync(api, file, "bank." + format, format);
            var current = await factory.QueryAsync(db => db.Questions.CountAsync(q => q.IsCurrent));
            Assert.True(preview.GetProperty("problems").GetArrayLength() == 0, format + ": " + preview.GetProperty("problems"));
            Assert.Equal(current, preview.GetProperty("importable").GetInt32());
        }
    }
}
