using System.Globalization;
using System.Linq.Expressions;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Infrastructure.Lists;

/// <summary>
/// A list's sort, filters and page, read from the query string (so a list works without script and a
/// link or bookmark keeps it): <c>q</c> (text), <c>team</c>, <c>status</c>, <c>from</c>/<c>to</c>
/// (dates in the center's time, <c>yyyy-MM-dd</c>, both ends included), <c>sort</c> and <c>dir</c>
/// (<c>asc</c>/<c>desc</c>), <c>p</c> (page) and <c>size</c> (page size, at most <see cref="MaxPageSize"/>).
/// Input out of bounds is refused with a message (<see cref="Errors"/>) and left out of the query,
/// never an error page. One helper for every list: people, exams, evaluations, sessions, plans.
/// </summary>
public sealed class ListQuery
{
    public const int TextMax = 100;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    private readonly string _path;
    private readonly Dictionary<string, string?> _values;

    public string? Q { get; }
    public int? TeamId { get; }
    public string? Status { get; }
    public DateOnly? From { get; }
    public DateOnly? To { get; }
    public string Sort { get; }
    public bool Desc { get; }
    public int Page { get; private set; }
    public int PageSize { get; }

    /// <summary>Localizer keys of refused input (shown above the list).</summary>
    public IReadOnlyList<string> Errors { get; }

    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    private ListQuery(string path, Dictionary<string, string?> values, string? q, int? team, string? status, DateOnly? from, DateOnly? to,
        string sort, bool desc, int page, int size, List<string> errors)
    {
        _path = path;
        _values = values;
        Q = q;
        TeamId = team;
        Status = status;
        From = from;
        To = to;
        Sort = sort;
        Desc = desc;
        Page = page;
        PageSize = size;
        Errors = errors;
    }

    /// <summary>Reads the list's query string; <paramref name="sorts"/> are the sort keys the list offers (the first is the default unless <paramref name="defaultSort"/> names one).</summary>
    public static ListQuery Read(HttpRequest request, IReadOnlyCollection<string> sorts, string? defaultSort = null, bool defaultDesc = false, int defaultPageSize = 25)
    {
        var values = request.Query.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var errors = new List<string>();

        var q = Get("q");
        if (q is { Length: > TextMax })
        {
            errors.Add("The search text is at most 100 characters.");
            q = null;
        }

        int? team = null;
        if (Get("team") is { } t)
        {
            if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                team = id;
            }
            else
            {
                errors.Add("Choose a team from the list.");
            }
        }

        var status = Get("status");
        if (status is { Length: > 32 })
        {
            errors.Add("Choose a status from the list.");
            status = null;
        }

        DateOnly? Date(string key)
        {
            if (Get(key) is not { } s)
            {
                return null;
            }

            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
            {
                return d;
            }

            errors.Add("Dates are written as year-month-day, e.g. 2026-12-06.");
            return null;
        }

        var from = Date("from");
        var to = Date("to");
        if (from is { } f && to is { } e && f > e)
        {
            errors.Add("The start date is after the end date.");
            from = to = null;
        }

        var fallback = defaultSort ?? sorts.First();
        var sort = Get("sort") is { } srt && sorts.Contains(srt, StringComparer.Ordinal) ? srt : fallback;
        var desc = Get("dir") switch
        {
            "desc" => true,
            "asc" => false,
            _ => sort == fallback && defaultDesc,
        };

        var page = int.TryParse(Get("p"), NumberStyles.None, CultureInfo.InvariantCulture, out var pg) ? Math.Clamp(pg, 1, MaxPage) : 1;
        var size = int.TryParse(Get("size"), NumberStyles.None, CultureInfo.InvariantCulture, out var sz) ? Math.Clamp(sz, 1, MaxPageSize) : defaultPageSize;
        return new ListQuery(request.PathBase + request.Path, values, q, team, status, from, to, sort, desc, page, size, errors);
    }

    /// <summary>The status filter as an enum value, or null when absent or unknown.</summary>
    public TEnum? StatusAs<TEnum>() where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(Status, ignoreCase: false, out var v) && Enum.IsDefined(v) ? v : null;

    /// <summary>The first instant of <see cref="From"/> in the center's time zone.</summary>
    public DateTimeOffset? FromUtc => From is { } d ? CenterClock.StartOf(d) : null;

    /// <summary>The first instant after <see cref="To"/> in the center's time zone (the end is included).</summary>
    public DateTimeOffset? ToUtcExclusive => To is { } d ? CenterClock.StartOf(d.AddDays(1)) : null;

    /// <summary>Counts the query, then returns the current page of it (the query must be sorted already). A page past the end shows the last one.</summary>
    public async Task<List<T>> PageAsync<T>(IQueryable<T> sorted, CancellationToken ct)
    {
        Total = await sorted.CountAsync(ct);
        Page = Math.Min(Page, Pages);
        return await sorted.Skip((Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>Pages a list already in memory (for lists sorted after loading).</summary>
    public List<T> PageOf<T>(IReadOnlyList<T> sorted)
    {
        Total = sorted.Count;
        Page = Math.Min(Page, Pages);
        return sorted.Skip((Page - 1) * PageSize).Take(PageSize).ToList();
    }

    /// <summary>This list's URL with some values changed (null removes one).</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(_values, StringComparer.OrdinalIgnoreCase);
        // One-time notes of the page (a confirmation after a change) are not part of the list's state.
        values.Remove("handler");
        values.Remove("changed");
        values.Remove("saved");
        foreach (var (k, v) in changes)
        {
            values[k] = v;
        }

        return QueryHelpers.AddQueryString(_path, values.Where(kv => !string.IsNullOrEmpty(kv.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    /// <summary>The link of a column header: sorts by it ascending, or flips the direction when it is the current sort; back to page 1.</summary>
    public string SortLink(string key) => Link(("sort", key), ("dir", key == Sort && !Desc ? "desc" : "asc"), ("p", null));

    public string PageLink(int page) => Link(("p", page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The aria-sort value of a column: ascending, descending or none.</summary>
    public string AriaSort(string key) => key != Sort ? "none" : Desc ? "descending" : "ascending";

    /// <summary>A sortable column header: a <c>th</c> with aria-sort holding a link that sorts by the column.</summary>
    public IHtmlContent Th(string key, string label, string? cssClass = null)
    {
        var enc = HtmlEncoder.Default;
        var mark = key != Sort ? "↕" : Desc ? "▼" : "▲";
        var css = cssClass is null ? "sortable" : "sortable " + cssClass;
        return new HtmlString($"<th scope=\"col\" class=\"{enc.Encode(css)}\" aria-sort=\"{AriaSort(key)}\"><a href=\"{enc.Encode(SortLink(key))}\">{enc.Encode(label)}<span class=\"sort-mark\" aria-hidden=\"true\">{mark}</span></a></th>");
    }

    /// <summary>Whether any filter is set (for a "clear filters" link).</summary>
    public bool Filtered => Q is not null || TeamId is not null || Status is not null || From is not null || To is not null;

    public string ClearLink => _path;
}

/// <summary>
/// The sort keys a list offers, each an expression EF translates; <see cref="Apply"/> sorts by the chosen
/// one and then by a unique tie-breaker, so paging is stable.
/// </summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, (Func<IQueryable<T>, bool, IOrderedQueryable<T>> First, Func<IOrderedQueryable<T>, bool, IOrderedQueryable<T>> Then)> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public IReadOnlyCollection<string> Keys => _order;

    public SortMap<T> Add<TKey>(string key, Expression<Func<T, TKey>> by)
    {
        _keys[key] = ((q, desc) => desc ? q.OrderByDescending(by) : q.OrderBy(by), (q, desc) => desc ? q.ThenByDescending(by) : q.ThenBy(by));
        _order.Add(key);
        return this;
    }

    /// <summary>Sorts by a rank that follows <paramref name="ordered"/> (teams in their natural order, stages in path order); values not listed come last.</summary>
    public SortMap<T> AddRanked<TValue>(string key, Expression<Func<T, TValue>> by, IReadOnlyList<TValue> ordered) => Add(key, Rank(by, ordered));

    public IOrderedQueryable<T> Apply<TTie>(IQueryable<T> query, ListQuery list, Expression<Func<T, TTie>> tieBreaker, bool tieDescending = false) =>
        Apply(query, list.Sort, list.Desc, tieBreaker, tieDescending);

    /// <summary>Sorts by <paramref name="key"/> (unknown: the first key), then by the tie-breaker.</summary>
    public IOrderedQueryable<T> Apply<TTie>(IQueryable<T> query, string key, bool desc, Expression<Func<T, TTie>> tieBreaker, bool tieDescending = false)
    {
        var (first, _) = _keys.TryGetValue(key, out var k) ? k : _keys[_order[0]];
        var sorted = first(query, desc);
        return tieDescending ? sorted.ThenByDescending(tieBreaker) : sorted.ThenBy(tieBreaker);
    }

    /// <summary>x => x.Value == v0 ? 0 : x.Value == v1 ? 1 : … : n — a CASE the database sorts by.</summary>
    public static Expression<Func<T, int>> Rank<TValue>(Expression<Func<T, TValue>> by, IReadOnlyList<TValue> ordered)
    {
        Expression body = Expression.Constant(ordered.Count);
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            var test = Expression.Equal(by.Body, Expression.Constant(ordered[i], typeof(TValue)));
            body = Expression.Condition(test, Expression.Constant(i), body);
        }

        return Expression.Lambda<Func<T, int>>(body, by.Parameters);
    }
}
