using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Quality;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Quality;

public sealed class RecordingTests_Sqlite(QualitySqliteFactory f) : RecordingTests<QualitySqliteFactory>(f);

public sealed class RecordingTests_Postgres(QualityPostgresFactory f) : RecordingTests<QualityPostgresFactory>(f);

/// <summary>Uploading calls, streaming their audio with ranges, the playback log, refused files, and who sees which call.</summary>
public abstract class RecordingTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    public sealed record IdBody(long Id);

    public sealed record Problem(string Title);

    public sealed record ListBody(List<QualityApi.RecordingDto> Items, int Total);

    [Fact]
    public async Task An_uploaded_call_streams_in_ranges_and_every_playback_and_download_is_logged()
    {
        using var qa = await factory.BearerAsync("qa");
        var number = await QualityCalls.NumberOfAsync(factory, "马晓东");
        var wav = DemoAudio.Wav(6, 77);
        var created = await qa.UploadAsync(number, wav, "马晓东-回访.wav", "Callback", duration: 6);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<IdBody>())!.Id;

        var stored = await factory.QueryAsync(db => db.Recordings.SingleAsync(r => r.Id == id));
        Assert.Equal(AudioFormat.Wav, stored.AudioFormat);
        Assert.Equal(wav.Length, stored.AudioBytes);
        Assert.DoesNotContain("马晓东", stored.AudioKey, StringComparison.Ordinal);

        using var first = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/recordings/{id}/audio");
        first.Headers.Range = new RangeHeaderValue(0, 99);
        var head = await qa.SendAsync(first);
        Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
        Assert.Equal("audio/wav", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"bytes 0-99/{wav.Length}", head.Content.Headers.ContentRange!.ToString());
        Assert.Equal(wav[..100], await head.Content.ReadAsByteArrayAsync());

        using var seek = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/recordings/{id}/audio");
        seek.Headers.Range = new RangeHeaderValue(20_000, 20_999);
        var middle = await qa.SendAsync(seek);
        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal(wav[20_000..21_000], await middle.Content.ReadAsByteArrayAsync());

        // The two ranges are one playback; a download is logged on its own; later, a new playback.
        var download = await qa.GetAsync($"/api/v1/recordings/{id}/audio?download=true");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(wav, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync($"/api/v1/recordings/{id}/audio")).StatusCode);

        // The agent hears their own call, and that is logged too.
        using var agent = await factory.BearerAsync("agent");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/recordings/{id}/audio")).StatusCode);

        var log = await factory.QueryAsync(db => db.PlaybackLogs.Where(p => p.RecordingId == id).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([("qa", PlaybackKind.Play), ("qa", PlaybackKind.Download), ("qa", PlaybackKind.Play), ("agent", PlaybackKind.Play)], log.Select(p => (p.UserName, p.Kind)));
        Assert.Equal("bytes=0-99", log[0].Range);

        var shown = await qa.GetFromJsonAsync<List<QualityApi.PlaybackDto>>($"/api/v1/recordings/{id}/playbacks");
        Assert.Equal(4, shown!.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/recordings/{id}/playbacks")).StatusCode);
    }

    [Fact]
    public async Task Disguised_empty_oversized_and_badly_named_files_are_refused_with_a_reason_and_nothing_is_kept()
    {
        using var qa = await factory.BearerAsync("qa");
        var number = await QualityCalls.NumberOfAsync(factory, "马晓东");
        var before = await factory.QueryAsync(db => db.Recordings.CountAsync());
        var filesBefore = Files().Length;

        async Task<(HttpStatusCode Status, string Title)> Refused(byte[] content, string name)
        {
            var r = await qa.UploadAsync(number, content, name);
            var p = r.StatusCode is HttpStatusCode.Created ? null : await r.Content.ReadFromJsonAsync<Problem>();
            return (r.StatusCode, p?.Title ?? "");
        }

        var exe = await Refused([.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, .. new byte[500]], "song.mp3");
        Assert.Equal(HttpStatusCode.BadRequest, exe.Status);
        Assert.Contains("a Windows program", exe.Title, StringComparison.Ordinal);
        var html = await Refused(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "call.wav");
        Assert.Equal(HttpStatusCode.BadRequest, html.Status);
        Assert.Contains("web page", html.Title, StringComparison.Ordinal);
        Assert.Contains("empty", (await Refused([], "call.wav")).Title, StringComparison.Ordinal);

        var limit = (int)QualitySqliteFactory.Limit;
        var over = await Refused(DemoAudio.Pcm8(new byte[limit - 44 + 1]), "big.wav");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.Status);
        Assert.Contains("0.2 MB", over.Title, StringComparison.Ordinal);

        Assert.Contains("another folder", (await Refused(DemoAudio.Wav(1, 1), "../../etc/cron.d/x.wav")).Title, StringComparison.Ordinal);
        Assert.Contains("direction", (await Refused(DemoAudio.Wav(1, 1), "call\u202Evaw.exe")).Title, StringComparison.Ordinal);
        Assert.Contains("255", (await Refused(DemoAudio.Wav(1, 1), new string('a', 300) + ".wav")).Title, StringComparison.Ordinal);

        Assert.Equal(before, await factory.QueryAsync(db => db.Recordings.CountAsync()));
        Assert.Equal(filesBefore, Files().Length);

        // Exactly at the limit is accepted.
        var atLimit = await qa.UploadAsync(number, DemoAudio.Pcm8(new byte[limit - 44]), "ok.wav");
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);

        // Bad fields, in English for an API client.
        var noType = await qa.UploadAsync(number, null, callType: "Fax");
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Contains("call type", (await noType.Content.ReadFromJsonAsync<Problem>())!.Title, StringComparison.Ordinal);
        var future = await qa.UploadAsync(number, null, startedAt: factory.Clock.GetUtcNow().AddDays(1).ToString("o"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    private string[] Files()
    {
        var dir = Path.Combine(factory.FilesRoot, "recordings");
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories) : [];
    }

    [Fact]
    public async Task An_agent_sees_only_their_own_calls_and_another_agents_call_is_404()
    {
        using var agent = await factory.BearerAsync("agent");
        var list = await agent.GetFromJsonAsync<ListBody>("/api/v1/recordings");
        var me = await DemoPeopleNumberAsync("马晓东");
        Assert.True(list!.Total > 0);
        Assert.All(list.Items, r => Assert.Equal(me, r.EmployeeNumber));

        var other = await factory.QueryAsync(db => db.Recordings.Where(r => r.Employee.Name != "马晓东" && r.AudioKey != null).Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/recordings/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/recordings/{other}/audio")).StatusCode);
        using var page = await factory.SignedInAsync("agent");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/quality/recordings/{other}")).StatusCode);

        // The team lead sees the team's calls, not another department's.
        using var lead = await factory.BearerAsync("lead");
        var mine = await factory.QueryAsync(db => db.Recordings.Where(r => r.Employee.Name == "马晓东").Select(r => r.Id).FirstAsync());
        var outbound = await factory.QueryAsync(db => db.Recordings.Where(r => r.Employee.Department.Name == "回访销售部").Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/v1/recordings/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/recordings/{outbound}")).StatusCode);
    }

    private Task<string> DemoPeopleNumberAsync(string name) => QualityCalls.NumberOfAsync(factory, name);
}
