using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Records;

/// <summary>
/// How a signature reads on a printed record: the person's name and post ("张敏（呼叫中心主管）"), never the
/// login name. The stored signature stays as it was signed ("张敏 (supervisor)": the account identifies the
/// signer as evidence, R10.4); only its display changes.
/// </summary>
public sealed class SignerNames(AppDbContext db, IStringLocalizer<Text> text)
{
    /// <summary>The most senior role names the post.</summary>
    private static readonly string[] Seniority =
        [Roles.GeneralManager, Roles.DepartmentManager, Roles.Supervisor, Roles.Trainer, Roles.QaInspector, Roles.Hr, Roles.TeamLead, Roles.Agent, Roles.SystemAdmin];

    public async Task<string> ShowAsync(string signed, CancellationToken ct)
    {
        var parsed = Infrastructure.Localization.SignedBy.Parse(signed);
        var login = parsed?.Login ?? signed;
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == login).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return parsed?.Name ?? signed;
        }

        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        var name = user.DisplayName.Length > 0 ? user.DisplayName : parsed?.Name ?? login;
        var post = Seniority.FirstOrDefault(roles.Contains);
        return post is null ? name : text["{0} ({1})", name, text[Roles.DisplayKey(post)].Value].Value;
    }
}
