using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Points;

/// <summary>
/// The training manager changes a points tier (band and points, with why) or removes it. Saving makes a new version;
/// the one edited stays, retired, and points already booked under it keep their value. A refusal keeps what was typed
/// and marks the field; a change made meanwhile by someone else is refused (the version is no longer in force).
/// </summary>
[Authorize(Policy = Policies.PointsRules)]
public sealed class EditModel(PointsRuleService service, IStringLocalizer<Text> text) : RuleFormModel(text)
{
    public PointsRule Rule { get; private set; } = null!;

    [BindProperty] public string? RetireNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } rule)
        {
            return NotFound();
        }

        if (!rule.IsCurrent)
        {
            return LocalRedirect($"/points/rules/{id}");
        }

        Rule = rule;
        Kind = rule.Kind.ToString();
        MinPercent = RulesModel.Num(rule.MinPercent);
        MaxPercent = RulesModel.Num(rule.MaxPercent);
        Points = RulesModel.Num(rule.Points);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } rule)
        {
            return NotFound();
        }

        Rule = rule;
        Kind = rule.Kind.ToString();
        if (Input() is not { } input)
        {
            return Page();
        }

        try
        {
            var next = await service.ReviseAsync(id, input, ct);
            return LocalRedirect($"/points/rules?saved={next!.Id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            Refused(e);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } rule)
        {
            return NotFound();
        }

        Rule = rule;
        Kind = rule.Kind.ToString();
        MinPercent = RulesModel.Num(rule.MinPercent);
        MaxPercent = RulesModel.Num(rule.MaxPercent);
        Points = RulesModel.Num(rule.Points);
        try
        {
            await service.RetireAsync(id, new PointsRuleRetireInput(RetireNote), ct);
            return LocalRedirect($"/points/rules?retired={id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            var message = e is DomainException or ConflictException ? e.Message : DbErrors.MessageFor(e);
            Problems[message.StartsWith("Say why", StringComparison.Ordinal) ? nameof(RetireNote) : ""] = Text[message];
            return Page();
        }
    }
}
