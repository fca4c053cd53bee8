using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>What a person's record is made of when HR creates or edits it (page and API).</summary>
public sealed class EmployeeInput
{
    [Display(Name = "Employee number")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(Employee.NumberMax, ErrorMessage = "{0} is too long.")]
    public string EmployeeNumber { get; set; } = "";

    [Display(Name = "Name")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(Employee.NameMax, ErrorMessage = "{0} is too long.")]
    public string Name { get; set; } = "";

    [Display(Name = "Phone")]
    [StringLength(Employee.PhoneMax, ErrorMessage = "{0} is too long.")]
    public string? Phone { get; set; }

    [Display(Name = "Hire date")]
    [Required(ErrorMessage = "{0} is required.")]
    public DateOnly? HireDate { get; set; }

    [Display(Name = "Department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Team")]
    public int? TeamId { get; set; }

    /// <summary>Only when the record is created; afterwards the pipeline changes the stage.</summary>
    [Display(Name = "Stage")]
    public Stage Stage { get; set; } = Stage.Induction;

    [Display(Name = "Service level")]
    [Range(1, 9, ErrorMessage = "{0} must be between {1} and {2}.")]
    public int? ServiceLevel { get; set; }

    private List<int> _postIds = [];

    /// <summary>The posts held; a JSON <c>null</c> means none (never a null list inside).</summary>
    [Display(Name = "Posts")]
    public List<int> PostIds { get => _postIds; set => _postIds = value ?? []; }
}

/// <summary>Creates and edits people with the same rules for the page and the API.</summary>
public sealed class EmployeeEditor(AppDbContext db, TimeProvider time, IStringLocalizer<Text> text)
{
    public static readonly DateOnly EarliestHireDate = Infrastructure.InputRanges.EarliestDate;

    /// <summary>Checks the input; errors are keyed by field name, messages are in the user's language.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(EmployeeInput input, int? id, CancellationToken ct = default)
    {
        var errors = InputValidator.Validate(input, text);

        var number = Employee.NormalizeNumber(input.EmployeeNumber ?? "");
        if (number.Length > 0 && await db.Employees.AnyAsync(e => e.EmployeeNumber == number && e.Id != (id ?? 0), ct))
        {
            errors.TryAdd(nameof(input.EmployeeNumber), text["This employee number is already in use."]);
        }

        if (input.HireDate is { } hire)
        {
            var latest = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(1);
            if (hire < EarliestHireDate || hire > latest)
            {
                errors.TryAdd(nameof(input.HireDate), text["The hire date is not a possible date."]);
            }
        }

        if (input.TeamId is { } teamId)
        {
            var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
            if (team is null)
            {
                errors.TryAdd(nameof(input.TeamId), text["Unknown team."]);
            }
            else if (input.DepartmentId is { } d && d != team.DepartmentId)
            {
                errors.TryAdd(nameof(input.TeamId), text["The team belongs to another department."]);
            }
        }
        else if (input.DepartmentId is null)
        {
            errors.TryAdd(nameof(input.DepartmentId), text["Choose a department or a team."]);
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, ct))
        {
            errors.TryAdd(nameof(input.DepartmentId), text["Unknown department."]);
        }

        var postIds = input.PostIds.Distinct().ToList();
        if (postIds.Count > 0 && await db.Posts.CountAsync(p => postIds.Contains(p.Id), ct) != postIds.Count)
        {
            errors.TryAdd(nameof(input.PostIds), text["Unknown post."]);
        }

        return errors;
    }

    public async Task<Employee> CreateAsync(EmployeeInput input, CancellationToken ct = default)
    {
        var (department, team) = await PlaceAsync(input, ct);
        var e = new Employee(input.EmployeeNumber, input.Name, input.HireDate!.Value, department, team, input.Stage);
        e.UpdateDetails(input.Name, input.Phone, input.ServiceLevel);
        e.SetPosts(await db.Posts.Where(p => input.PostIds.Contains(p.Id)).ToListAsync(ct));
        db.Employees.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task UpdateAsync(Employee e, EmployeeInput input, CancellationToken ct = default)
    {
        await db.Entry(e).Collection(x => x.Posts).LoadAsync(ct);
        var (department, team) = await PlaceAsync(input, ct);
        e.UpdateDetails(input.Name, input.Phone, input.ServiceLevel);
        e.CorrectHireDate(input.HireDate!.Value);
        e.Place(department, team);
        e.SetPosts(await db.Posts.Where(p => input.PostIds.Contains(p.Id)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    private async Task<(Department, Team?)> PlaceAsync(EmployeeInput input, CancellationToken ct)
    {
        if (input.TeamId is { } teamId)
        {
            var team = await db.Teams.Include(t => t.Department).FirstAsync(t => t.Id == teamId, ct);
            return (team.Department, team);
        }

        return (await db.Departments.FirstAsync(d => d.Id == input.DepartmentId, ct), null);
    }

    public static EmployeeInput InputFrom(Employee e) => new()
    {
        EmployeeNumber = e.EmployeeNumber,
        Name = e.Name,
        Phone = e.Phone,
        HireDate = e.HireDate,
        DepartmentId = e.DepartmentId,
        TeamId = e.TeamId,
        Stage = e.Stage,
        ServiceLevel = e.ServiceLevel,
        PostIds = e.Posts.Select(p => p.Id).ToList(),
    };
}
