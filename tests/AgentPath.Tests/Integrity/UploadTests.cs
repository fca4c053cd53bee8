using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class UploadTests_Sqlite(SqliteAppFactory f) : UploadTests<SqliteAppFactory>(f);

public sealed class UploadTests_Postgres(PostgresAppFactory f) : UploadTests<PostgresAppFactory>(f);

/// <summary>
/// Uploads (failure 17): one check for every area, the type read from the content (HTML named
/// slides.pdf is refused), names normalised; a failed import leaves no file behind.
/// </summary>
public abstract class UploadTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    private async Task<(HttpResponseMessage Response, int Session)> CoursewareAsync(string name, byte[] bytes)
    {
        using var trainer = await factory.SignedInAsync("trainer");
        var id = await factory.QueryAsync(db => db.TrainingSessions.Where(s => s.TeamId != null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var token = await trainer.FormTokenAsync($"/training/sessions/{id}");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await trainer.PostAsync($"/training/sessions/{id}?handler=Upload",
            new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", name } });
        return (response, id);
    }

    [Theory]
    [InlineData("slides.pdf")]
    [InlineData("讲义.docx")]
    [InlineData("说明.txt")]
    [InlineData("banner.png")]
    public async Task Html_named_as_courseware_is_refused_by_its_content_and_nothing_is_kept(string name)
    {
        var files = factory.StoredFiles();
        var before = await factory.QueryAsync(db => db.CoursewareFiles.CountAsync());

        var (response, _) = await CoursewareAsync(name, Html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件内容与文件类型不符", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.CoursewareFiles.CountAsync()));
        Assert.Equal(files, factory.StoredFiles());
    }

    [Fact]
    public async Task A_real_pdf_with_a_hostile_name_is_kept_under_a_normalised_name()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

        var (response, session) = await CoursewareAsync("..\\..\\课件\u0000\u202Efdp.exe.pdf", pdf);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.QueryAsync(db => db.CoursewareFiles.Where(f => f.SessionId == session).OrderByDescending(f => f.Id).FirstAsync());
        Assert.Equal("课件fdp.exe.pdf", stored.FileName);
        Assert.Null(FileNames.Problem(stored.FileName));
    }

    [Theory]
    [InlineData("roster")]
    [InlineData("calls")]
    public async Task A_failed_import_leaves_no_file_and_no_pending_import(string kind)
    {
        var files = factory.StoredFiles();
        var rosters = await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.People.Import.RosterImport>().CountAsync());
        var calls = await factory.QueryAsync(db => db.RecordingImports.CountAsync());
        var csv = Encoding.UTF8.GetBytes("工号,姓名\nX1,\n"); // headers missing, a row without a name: problems, nothing importable

        HttpResponseMessage response;
        if (kind == "roster")
        {
            using var client = await factory.SignedInAsync("hr");
            var token = await client.FormTokenAsync("/people/import");
            using var form = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "花名册.csv" }, { new StringContent(token), "__RequestVerificationToken" } };
            response = await client.PostAsync("/people/import?handler=Preview", form);
        }
        else
        {
            using var client = await factory.SignedInAsync("qa");
            var token = await client.FormTokenAsync("/quality/recordings/import");
            using var form = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "calls.csv" }, { new StringContent(token), "__RequestVerificationToken" } };
            response = await client.PostAsync("/quality/recordings/import", form);
        }

        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode is >= 400 and < 500, response.StatusCode.ToString());
        Assert.Equal(files, factory.StoredFiles());
        Assert.Equal(rosters, await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.People.Import.RosterImport>().CountAsync()));
        Assert.Equal(calls, await factory.QueryAsync(db => db.RecordingImports.CountAsync()));
    }

    [Theory]
    [InlineData("a.pdf", "%PDF-1.7", true)]
    [InlineData("a.pdf", "<html>", false)]
    [InlineData("a.docx", "PK\u0003\u0004", true)]
    [InlineData("a.docx", "%PDF-1.7", false)]
    [InlineData("a.png", "\u0089PNG\r\n\u001a\n", true)]
    [InlineData("a.txt", "标准话术", true)]
    [InlineData("a.txt", "<!doctype html><p>", false)]
    [InlineData("a.txt", "MZ\u0000\u0000", false)]
    [InlineData("a.wav", "RIFF\u0000\u0000\u0000\u0000WAVE", true)]
    [InlineData("a.exe", "MZ", false)]
    public void The_upload_check_reads_the_type_from_the_content(string name, string head, bool ok)
    {
        var bytes = head.Select(c => c < 256 ? (byte)c : (byte)0).ToArray();
        if (head.Any(c => c > 255))
        {
            bytes = Encoding.UTF8.GetBytes(head);
        }

        Assert.Equal(ok, UploadCheck.Matches(name, bytes));
    }
}
