using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>An account as the admin edits it (page and API).</summary>
public sealed class UserInput
{
    [Display(Name = "User name")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(64, ErrorMessage = "{0} is too long.")]
    public string UserName { get; set; } = "";

    [Display(Name = "Display name")]
    [StringLength(AppUser.DisplayNameMax, ErrorMessage = "{0} is too long.")]
    public string? DisplayName { get; set; }

    /// <summary>Required when creating; when editing, a new password resets it.</summary>
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [Display(Name = "Employee")]
    public int? EmployeeId { get; set; }

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Locked")]
    public bool Locked { get; set; }
}

public sealed record UserDto(int Id, string UserName, string DisplayName, int? EmployeeId, IReadOnlyList<string> Roles, bool Locked);

/// <summary>Account administration with Identity: roles take effect within the session re-check interval.</summary>
public sealed class UserAdmin(UserManager<AppUser> users, AppDbContext db, TimeProvider time, IStringLocalizer<Text> text, Account.SessionRevocations revocations)
{
    public async Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        return rows.Select(u => new UserDto(u.Id, u.UserName!, u.DisplayName, u.EmployeeId,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.LockoutEnd > now)).ToList();
    }

    public async Task<Dictionary<string, string>> ValidateAsync(UserInput input, int? id, CancellationToken ct)
    {
        var errors = InputValidator.Validate(input, text);

        var unknown = input.Roles.Where(r => !People.Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            errors.TryAdd(nameof(input.Roles), text["Unknown role."]);
        }

        if (id is null && string.IsNullOrEmpty(input.Password))
        {
            errors.TryAdd(nameof(input.Password), text["{0} is required.", text["Password"].Value]);
        }

        var normalized = users.NormalizeName(input.UserName?.Trim());
        if (!string.IsNullOrEmpty(normalized) && await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && u.Id != (id ?? 0), ct))
        {
            errors.TryAdd(nameof(input.UserName), text["This user name is already in use."]);
        }

        if (input.EmployeeId is { } e)
        {
            if (!await db.Employees.AnyAsync(x => x.Id == e, ct))
            {
                errors.TryAdd(nameof(input.EmployeeId), text["Unknown employee."]);
            }
            else if (await db.Users.AnyAsync(u => u.EmployeeId == e && u.Id != (id ?? 0), ct))
            {
                errors.TryAdd(nameof(input.EmployeeId), text["This employee already has an account."]);
            }
        }

        if (!string.IsNullOrEmpty(input.Password))
        {
            foreach (var v in users.PasswordValidators)
            {
                var result = await v.ValidateAsync(users, new AppUser(), input.Password);
                if (!result.Succeeded)
                {
                    errors.TryAdd(nameof(input.Password), text["The password must be at least 12 characters long and not too simple."]);
                }
            }
        }

        return errors;
    }

    /// <summary>Creates the account; returns Identity's errors, if any.</summary>
    public async Task<(AppUser? User, IEnumerable<string> Errors)> CreateAsync(UserInput input)
    {
        var user = new AppUser { UserName = input.UserName.Trim(), DisplayName = input.DisplayName?.Trim() ?? "", EmployeeId = input.EmployeeId };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => e.Description));
        }

        await users.AddToRolesAsync(user, input.Roles.Distinct());
        await SetLockAsync(user, input.Locked);
        return (user, []);
    }

    public async Task<IEnumerable<string>> UpdateAsync(AppUser user, UserInput input)
    {
        var oldStamp = user.SecurityStamp;
        user.UserName = input.UserName.Trim();
        user.DisplayName = input.DisplayName?.Trim() ?? "";
        user.EmployeeId = input.EmployeeId;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description);
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
        await users.AddToRolesAsync(user, input.Roles.Distinct().Except(current));
        var wasLocked = user.LockoutEnd > time.GetUtcNow();
        if (!string.IsNullOrEmpty(input.Password))
        {
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, input.Password);
        }

        await SetLockAsync(user, input.Locked);

        // Roles: every open session re-reads them at its next check (Security:SessionRecheck, 30 s).
        // A new password or a lock ends every open session at that check.
        if (!string.IsNullOrEmpty(input.Password) || (input.Locked && !wasLocked))
        {
            await users.UpdateSecurityStampAsync(user);
        }

        // Every stamp this edit retired (a new password moves it too) is refused at once on this instance.
        if (oldStamp != user.SecurityStamp)
        {
            revocations.Revoke(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), oldStamp);
        }

        return [];
    }

    private async Task SetLockAsync(AppUser user, bool locked)
    {
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
    }

    public async Task<UserDto> ToDtoAsync(AppUser u) =>
        new(u.Id, u.UserName!, u.DisplayName, u.EmployeeId, (await users.GetRolesAsync(u)).Order().ToList(), u.LockoutEnd > time.GetUtcNow());
}
