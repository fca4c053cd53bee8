using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.Admin.Users;

public sealed class IndexModel(UserAdmin admin) : PageModel
{
    public IReadOnlyList<UserDto> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);
}
