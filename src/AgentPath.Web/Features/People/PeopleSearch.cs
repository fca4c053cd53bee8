using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

public sealed record PersonHit(int Id, string EmployeeNumber, string Name, Stage Stage, string? TeamName, string DepartmentName);

/// <summary>
/// The header search: people in the user's data scope whose employee number or name matches, best first
/// (the exact number, then numbers and names that start with the text, then names that hold it), at most
/// <see cref="MaxResults"/>. Shared by /people/find and GET /api/v1/people/search.
/// </summary>
public static class PeopleSearch
{
    public const int TextMax = 50;
    public const int MaxResults = 20;

    /// <summary>Null when the text is fine; else the localizer key of the refusal.</summary>
    public static string? Refusal(string? q) =>
        string.IsNullOrWhiteSpace(q) ? "Type a name or an employee number." : q.Trim().Length > TextMax ? "Search for at most 50 characters." : null;

    public static async Task<List<PersonHit>> FindAsync(IQueryable<Employee> scoped, string q, int limit, CancellationToken ct = default)
    {
        var term = q.Trim();
        var number = Employee.NormalizeNumber(term);
        var take = Math.Clamp(limit, 1, MaxResults);
        return await scoped.AsNoTracking()
            .Where(e => e.EmployeeNumber.Contains(number) || e.Name.Contains(term))
            .OrderBy(e => e.EmployeeNumber == number ? 0 : e.Name == term ? 1 : e.EmployeeNumber.StartsWith(number) || e.Name.StartsWith(term) ? 2 : 3)
            .ThenBy(e => e.Stage == Stage.Eliminated || e.Stage == Stage.Left ? 1 : 0)
            .ThenBy(e => e.EmployeeNumber).ThenBy(e => e.Id)
            .Take(take)
            .Select(e => new PersonHit(e.Id, e.EmployeeNumber, e.Name, e.Stage, e.Team != null ? e.Team.Name : null, e.Department.Name))
            .ToListAsync(ct);
    }
}
