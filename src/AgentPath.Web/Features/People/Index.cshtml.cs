using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>The directory: everyone in the user's scope, filtered by stage, team and role, searched by name or number, in pages.</summary>
public sealed class IndexModel(DataScopeProvider scope, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Stage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public int? TeamId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Sort, hire-date range and paging links (the shared list helper; stage, team and role stay the directory's own filters).</summary>
    public ListQuery List { get; private set; } = null!;

    public IReadOnlyList<PersonRow> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageSize => 25;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = ListQuery.Read(Request, PeopleFilter.Sorts, "number", defaultPageSize: PageSize);
        Q = List.Q;
        PageNumber = Math.Min(List.Page, 10_000);
        var (items, total) = await PeopleDirectory.SearchAsync(await scope.PeopleAsync(ct), db,
            new PeopleFilter(Q, Stage, TeamId, Role, PageNumber, PageSize, List.Sort, List.Desc, List.From, List.To), ct);
        PageNumber = Math.Min(PageNumber, Math.Max(1, (total + PageSize - 1) / PageSize));
        Items = items;
        Total = total;
        Teams = await (await scope.TeamsAsync(ct)).AsNoTracking().ToNaturalListAsync(ct);
        CanEdit = User.IsInRole(Roles.Hr) || User.IsInRole(Roles.SystemAdmin);
    }

    public string PageLink(int page) => List.PageLink(page);
}
