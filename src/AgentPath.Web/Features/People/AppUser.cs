using AgentPath.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AgentPath.Web.Features.People;

/// <summary>A sign-in account. It is linked to the employee it belongs to; that link and the
/// account's roles decide what the person may see (the data scope).</summary>
public sealed class AppUser : IdentityUser<int>, IAudited
{
    public const int DisplayNameMax = 64;

    public int? EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public string DisplayName { get; set; } = "";
}

public sealed class AppRole : IdentityRole<int>
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }
}
