using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AgentPath.Tests.Integrity;

public sealed class BombTests_Sqlite(SqliteAppFactory f, ITestOutputHelper output) : BombTests<SqliteAppFactory>(f, output);

public sealed class BombTests_Postgres(PostgresAppFactory f, ITestOutputHelper output) : BombTests<PostgresAppFactory>(f, output);

/// <summary>
/// Zip bombs at every spreadsheet import (failure 7): each is a 4xx naming the limit in Chinese,
/// answered in bounded time and memory, with nothing stored (no row, no file left in the store).
/// </summary>
public abstract class BombTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const long MaxAllocated = 500L * 1024 * 1024;

    /// <summary>
    /// Headers that declare 4 KB: .NET's ZipArchive stops at the declared size and refuses the entry
    /// (InvalidDataException), so the file "cannot be read"; the counting stream behind it is the second line.
    /// </summary>
    private const string Unreadable = "无法按 .xlsx 格式读取";

    /// <summary>A file beyond a limit, or one that cannot be read, is refused whole: a 400 naming why.</summary>
    private static void AssertRefused(HttpResponseMessage response, string body, string limit)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(limit == Unreadable ? "读取" : limit, EdgeHelpers.Texts(body), StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, string Body)> MeasureAsync(string label, string bomb, Func<byte[], Task<HttpResponseMessage>> send)
    {
        var bytes = Bombs.Get(bomb);
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var response = await send(bytes);
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        var used = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{factory.Provider} {label} {bomb} ({bytes.Length / 1024} KB, {bomb}): {(int)response.StatusCode} in {watch.Elapsed.TotalSeconds:F2} s, " +
                         $"{used / (1024 * 1024)} MB allocated, peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        Assert.True(used < MaxAllocated, $"{label} {bomb} allocated {used / (1024 * 1024)} MB");
        return (response, body);
    }

    [Theory]
    [InlineData("rows", "200 MB")]
    [InlineData("rows-lying", Unreadable)]
    [InlineData("cell", "200 MB")]
    [InlineData("cell-lying", Unreadable)]
    [InlineData("rows-150k", "100000 行")]
    [InlineData("cell-50mb", "32767 个字符")]
    public async Task A_roster_bomb_is_refused_quickly_naming_the_limit_and_nothing_is_kept(string bomb, string limit)
    {
        using var client = await factory.SignedInAsync("hr");
        var token = await client.FormTokenAsync("/people/import");
        var people = await factory.QueryAsync(db => db.Employees.CountAsync());
        var imports = await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.People.Import.RosterImport>().CountAsync());
        var files = factory.StoredFiles();

        var (response, html) = await MeasureAsync("roster", bomb, async bytes =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "花名册.xlsx" }, { new StringContent(token), "__RequestVerificationToken" } };
            return await client.PostAsync("/people/import?handler=Preview", form);
        });

        AssertRefused(response, html, limit);
        Assert.Equal(people, await factory.QueryAsync(db => db.Employees.CountAsync()));
        Assert.Equal(imports, await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.People.Import.RosterImport>().CountAsync()));
        Assert.Equal(files, factory.StoredFiles());
    }

    [Theory]
    [InlineData("rows", "200 MB")]
    [InlineData("rows-lying", Unreadable)]
    [InlineData("cell", "200 MB")]
    [InlineData("cell-lying", Unreadable)]
    [InlineData("rows-150k", "10000 行")]
    [InlineData("cell-50mb", "32767 个字符")]
    public async Task A_question_sheet_bomb_is_refused_quickly_naming_the_limit_and_nothing_is_kept(string bomb, string limit)
    {
        using var api = await factory.ChineseBearerAsync("trainer");
        var questions = await factory.QueryAsync(db => db.Questions.CountAsync());
        var imports = await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.Assessments.QuestionImport>().CountAsync());
        var files = factory.StoredFiles();

        var (response, body) = await MeasureAsync("questions", bomb, async bytes =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "题库.xlsx" }, { new StringContent("xlsx"), "format" } };
            return await api.PostAsync("/api/v1/question-bank/imports", form);
        });

        AssertRefused(response, body, limit);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(limit == Unreadable ? "读取" : limit, JsonDocument.Parse(body).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(questions, await factory.QueryAsync(db => db.Questions.CountAsync()));
        Assert.Equal(imports, await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.Assessments.QuestionImport>().CountAsync()));
        Assert.Equal(files, factory.StoredFiles());
    }

    [Theory]
    [InlineData("rows", "1024 MB")]
    [InlineData("cell", "1024 MB")]
    [InlineData("cell-lying", Unreadable)]
    [InlineData("cell-50mb", "32767 个字符")]
    public async Task A_call_export_bomb_is_refused_quickly_naming_the_limit_and_nothing_is_kept(string bomb, string limit)
    {
        using var api = await factory.ChineseBearerAsync("qa");
        var recordings = await factory.QueryAsync(db => db.Recordings.CountAsync());
        var imports = await factory.QueryAsync(db => db.RecordingImports.CountAsync());
        var files = factory.StoredFiles();

        var (response, body) = await MeasureAsync("calls", bomb, async bytes =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "通话导出.xlsx" } };
            return await api.PostAsync("/api/v1/recordings/imports", form);
        });

        AssertRefused(response, body, limit);
        Assert.Equal(recordings, await factory.QueryAsync(db => db.Recordings.CountAsync()));
        Assert.Equal(imports, await factory.QueryAsync(db => db.RecordingImports.CountAsync()));
        Assert.Equal(files, factory.StoredFiles());
    }
}
