using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Points;

/// <summary>Adds a points tier (version 1) for an exam kind; a refusal keeps what was typed and marks the field.</summary>
[Authorize(Policy = Policies.PointsRules)]
public sealed class NewModel(PointsRuleService service, IStringLocalizer<Text> text) : RuleFormModel(text)
{
    public void OnGet() => Kind ??= nameof(Assessments.ExamKind.MonthlyBusiness);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input() is not { } input)
        {
            return Page();
        }

        try
        {
            var rule = await service.AddAsync(input, ct);
            return LocalRedirect($"/points/rules?saved={rule.Id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            Refused(e);
            return Page();
        }
    }
}
