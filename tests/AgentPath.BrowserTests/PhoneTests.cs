using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AgentPath.BrowserTests;

/// <summary>
/// Agents and team leads work on a phone: every page each can reach from the navigation and the
/// links on those pages fits a 390 × 844 screen — nothing wider than the screen, no control cut off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PhoneTests(AppFixture app)
{
    /// <summary>At most this many pages per role; a path shape (ids replaced) is visited at most <see cref="PerShape"/> times.</summary>
    private const int MaxPages = 160;
    private const int PerShape = 3;

    [Theory]
    [InlineData("agent")]
    [InlineData("lead")]
    public async Task Every_page_the_role_reaches_fits_a_phone(string login)
    {
        await using var s = await app.OpenAsync($"Phone.crawl-{login}", width: 390, height: 844, mobile: true);
        await s.LogInAsync(login);
        var page = s.Page;
        var origin = app.BaseUrl.GetLeftPart(UriPartial.Authority);
        var dir = Path.Combine(s.ScreenshotDir, "phone", login);
        Directory.CreateDirectory(dir);

        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        var visited = new List<string>();
        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var path = queue.Dequeue();
            IResponse? response;
            try
            {
                response = await page.GotoAsync(path);
            }
            catch (PlaywrightException e) when (e.Message.Contains("Download", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                continue; // a file, not a page
            }

            if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue; // dead links are another test's business; this one measures pages
            }

            var here = new Uri(page.Url);
            if (here.AbsolutePath.StartsWith("/account/", StringComparison.Ordinal))
            {
                continue;
            }

            visited.Add(path);
            var report = await PhoneFit.MeasureAsync(page);
            var shot = Path.Combine(dir, $"{visited.Count:000}-{Slug(path)}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true, Scale = ScreenshotScale.Css });
            if (!report.Fits)
            {
                problems.Add(report.Describe(path) + $" (screenshot {Path.GetFileName(shot)})");
            }

            var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]')).filter(a => !a.hasAttribute('download')).map(a => a.href)");
            foreach (var link in links)
            {
                if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.GetLeftPart(UriPartial.Authority) != origin)
                {
                    continue;
                }

                var target = uri.PathAndQuery;
                if (Skipped().IsMatch(uri.AbsolutePath) || !seen.Add(target))
                {
                    continue;
                }

                var shape = Ids().Replace(uri.AbsolutePath, "/{id}") + "?" + string.Join("&", System.Web.HttpUtility.ParseQueryString(uri.Query).AllKeys.Order(StringComparer.Ordinal));
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (shapes[shape] <= PerShape)
                {
                    queue.Enqueue(target);
                }
            }
        }

        Assert.True(visited.Count >= 8, $"Only {visited.Count} pages reached as {login}: {string.Join(", ", visited)}");
        Assert.True(problems.Count == 0, $"{problems.Count} of {visited.Count} pages {login} reaches do not fit a 390px phone:\n" + string.Join("\n", problems));
    }

    private static string Slug(string path)
    {
        var slug = NotWord().Replace(path.Trim('/'), "-").Trim('-');
        return slug.Length == 0 ? "home" : slug.Length > 80 ? slug[..80] : slug;
    }

    /// <summary>Not phone pages: sign-in and out, the API and its docs, files, exports, recordings' audio and printed A4 sheets (/plans/{id}/print).</summary>
    [GeneratedRegex(@"^/(account|api|openapi|files|lib|css|js)(/|$)|/(export|download|audio|file|files|template|print)(/|$)|\.(xlsx|csv|pdf|wav|mp3|json|zip)$", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Ids();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NotWord();
}
