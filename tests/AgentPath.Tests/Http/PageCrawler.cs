using System.Net;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AgentPath.Tests.Http;

/// <summary>
/// Walks the pages a signed-in role can reach the way a person clicking around would: from home and
/// the navigation, following every same-host link (a[href]) and every GET form target, GET only.
/// Every target is requested (its status is kept, for the dead-end test); HTML pages are read and
/// followed further, at most <see cref="PerShape"/> pages of one shape (/people/{n}) and
/// <see cref="MaxPages"/> pages in all, so a list of 147 people costs three visits, not 147.
/// </summary>
public static partial class PageCrawler
{
    public const int PerShape = 3;
    public const int MaxPages = 400;
    public const int MaxTargets = 2500;

    /// <summary>A page read: where it is, what it answered, the HTML when it was a page.</summary>
    public sealed record Page(string Url, HttpStatusCode Status, string? Html);

    /// <summary>A target shown on a page (a link or a GET form) and what it answered.</summary>
    public sealed record Target(string Url, string ShownOn, string Kind, HttpStatusCode Status);

    public sealed record Crawl(string Login, string Culture, IReadOnlyList<Page> Pages, IReadOnlyList<Target> Targets);

    /// <summary>Paths never followed: signing out ends the walk; the language switch is a POST anyway.</summary>
    private static readonly string[] Never = ["/account/logout", "/account/login"];

    public static async Task<Crawl> RunAsync(AppFactory factory, string? login, string culture)
    {
        using var client = login is null ? factory.NewClient() : await factory.SignedInAsync(login);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var parser = new HtmlParser();
        var pages = new List<Page>();
        var targets = new List<Target>();
        var status = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        var start = login is null ? "/account/login" : "/";
        queue.Enqueue(start);
        queued.Add(start);
        status[start] = HttpStatusCode.OK;

        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            var (code, html) = await GetAsync(client, url);
            status[url] = code;
            pages.Add(new Page(url, code, html));
            if (html is null)
            {
                continue;
            }

            var doc = parser.ParseDocument(html);
            foreach (var (target, kind) in TargetsOf(doc, url))
            {
                if (!status.TryGetValue(target, out var seen))
                {
                    if (status.Count >= MaxTargets)
                    {
                        continue;
                    }

                    // Request it once now: the answer is what the role is shown a link to.
                    var (c, h) = await GetAsync(client, target);
                    seen = c;
                    status[target] = c;
                    var shape = Shape(target);
                    if (h is not null && !target.StartsWith("/api/", StringComparison.Ordinal) && queued.Add(target)
                        && (shapes[shape] = shapes.GetValueOrDefault(shape) + 1) <= PerShape)
                    {
                        queue.Enqueue(target);
                    }
                }

                targets.Add(new Target(target, url, kind, seen));
            }
        }

        return new Crawl(login ?? "anonymous", culture, pages, targets);
    }

    /// <summary>GET, following same-host redirects (at most 5); the HTML when the answer is a page.</summary>
    private static async Task<(HttpStatusCode, string?)> GetAsync(HttpClient client, string url)
    {
        for (var hop = 0; hop < 5; hop++)
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect
                && response.Headers.Location is { } location)
            {
                var next = Local(location.OriginalString, url);
                if (next is null)
                {
                    return (response.StatusCode, null);
                }

                if (next.StartsWith("/account/login", StringComparison.Ordinal))
                {
                    return (HttpStatusCode.Unauthorized, null); // sent to sign in again: a dead end too
                }

                url = next;
                continue;
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            if (type != "text/html")
            {
                return (response.StatusCode, null); // a download, an image, JSON: its status is enough
            }

            return (response.StatusCode, (int)response.StatusCode < 400 ? await response.Content.ReadAsStringAsync() : null);
        }

        return (HttpStatusCode.LoopDetected, null);
    }

    private static IEnumerable<(string Url, string Kind)> TargetsOf(IDocument doc, string from)
    {
        foreach (var a in doc.QuerySelectorAll("a[href]"))
        {
            if (a.GetAttribute("download") is not null && a.GetAttribute("href") is { } dl && Local(dl, from) is { } d)
            {
                yield return (d, "download");
                continue;
            }

            if (Local(a.GetAttribute("href")!, from) is { } url)
            {
                yield return (url, "link");
            }
        }

        foreach (var form in doc.QuerySelectorAll("form"))
        {
            var method = form.GetAttribute("method") ?? "get";
            if (!method.Equals("get", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = form.GetAttribute("action");
            if (Local(string.IsNullOrEmpty(action) ? from : action, from) is not { } url)
            {
                continue;
            }

            // Submitted as shown: the fields' current values, like pressing the button without typing.
            var fields = new List<string>();
            foreach (var field in form.QuerySelectorAll("input[name], select[name]"))
            {
                var type = field.GetAttribute("type") ?? "text";
                if (type is "submit" or "button" or "file" || (type is "checkbox" or "radio" && !field.HasAttribute("checked")))
                {
                    continue;
                }

                var value = field.LocalName == "select"
                    ? (field.QuerySelector("option[selected]") ?? field.QuerySelector("option"))?.GetAttribute("value") ?? ""
                    : field.GetAttribute("value") ?? "";
                fields.Add(Uri.EscapeDataString(field.GetAttribute("name")!) + "=" + Uri.EscapeDataString(value));
            }

            var path = url.Split('?')[0];
            yield return (fields.Count == 0 ? path : path + "?" + string.Join("&", fields), "form");
        }
    }

    /// <summary>The path and query of a same-host link, or null (another host, mailto:, a fragment only).</summary>
    public static string? Local(string href, string from)
    {
        href = href.Trim();
        if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var baseUri = new Uri(new Uri("http://localhost"), from);
        if (!Uri.TryCreate(baseUri, href, out var abs) || abs.Host != "localhost" || abs.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var local = abs.PathAndQuery;
        return Never.Any(n => abs.AbsolutePath.Equals(n, StringComparison.OrdinalIgnoreCase)) ? null : local;
    }

    /// <summary>/people/12?tab=3 → /people/{n}?tab={n}: pages of one shape are read a few times only.</summary>
    public static string Shape(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        var path = Number().Replace(q < 0 ? url : url[..q], "/{n}");
        if (q < 0)
        {
            return path;
        }

        var keys = url[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal);
        return path + "?" + string.Join("&", keys);
    }

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Number();

    /// <summary>One piece of text a person reads on a page, with where it sits.</summary>
    public sealed record Shown(string Where, string Text);

    private static readonly HashSet<string> Unread = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "code", "kbd", "samp", "pre", "textarea", "svg",
    };

    private static readonly string[] ReadAttributes = ["title", "placeholder", "aria-label", "alt", "data-confirm"];

    /// <summary>
    /// The text a person reads: text nodes, the title, and the attributes that become text (title,
    /// placeholder, aria-label, alt, button values, data-val-* validation messages, data-text-* for the
    /// page's script). Data that is not language is left out where the page says so: code, kbd and pre,
    /// typed values, and anything marked translate="no" (HTML's own mark for names and codes).
    /// </summary>
    public static IEnumerable<Shown> TextOf(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        if (doc.Title is { Length: > 0 } title)
        {
            yield return new Shown("title", title);
        }

        if (doc.Body is null)
        {
            yield break;
        }

        foreach (var shown in Walk(doc.Body))
        {
            yield return shown;
        }
    }

    private static IEnumerable<Shown> Walk(IElement element)
    {
        if (Unread.Contains(element.LocalName) || element.GetAttribute("translate") == "no")
        {
            yield break;
        }

        foreach (var attr in element.Attributes)
        {
            var name = attr.Name;
            var read = ReadAttributes.Contains(name)
                || (name.StartsWith("data-val-", StringComparison.Ordinal) && name.Count(c => c == '-') == 2)
                || name.StartsWith("data-text-", StringComparison.Ordinal)
                || (name == "value" && element.LocalName == "input" && element.GetAttribute("type") is "submit" or "button" or "reset");
            if (read && attr.Value.Trim().Length > 0)
            {
                yield return new Shown($"<{element.LocalName} {name}>", attr.Value);
            }
        }

        if (element.LocalName == "input")
        {
            yield break;
        }

        foreach (var child in element.ChildNodes)
        {
            if (child is IElement e)
            {
                foreach (var s in Walk(e))
                {
                    yield return s;
                }
            }
            else if (child.NodeType == NodeType.Text && child.TextContent.Trim() is { Length: > 0 } text)
            {
                yield return new Shown($"<{element.LocalName}>", text);
            }
        }
    }
}
