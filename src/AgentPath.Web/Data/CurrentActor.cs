using System.Security.Claims;

namespace AgentPath.Web.Data;

/// <summary>Who is making a change, for the audit trail.</summary>
public interface ICurrentActor
{
    int? UserId { get; }
    string UserName { get; }
}

/// <summary>The signed-in user of the current request, or "system" outside a request.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public int? UserId =>
        int.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => accessor.HttpContext?.User.Identity?.Name ?? "system";
}

/// <summary>A fixed actor for start-up work (migrations, demo seed) and tests.</summary>
public sealed class SystemActor(string name = "system") : ICurrentActor
{
    public int? UserId => null;
    public string UserName => name;
}
