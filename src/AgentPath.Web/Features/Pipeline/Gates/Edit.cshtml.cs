using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Pipeline.Gates;

/// <summary>
/// The training manager changes a gate's rules (R1.3): name, pass mark, retakes, each part's weight,
/// minimum and (for hours) target, and why. Saving makes a new version; the one edited stays for the
/// results decided under it. A refusal keeps what was typed and marks the field.
/// </summary>
[Authorize(Policy = Policies.GatesManage)]
public sealed class EditModel(GateDefinitionService service, IStringLocalizer<Text> text) : PageModel
{
    public sealed class PartInput
    {
        public string? Kind { get; set; }
        public string? Weight { get; set; }
        public string? Minimum { get; set; }
        public string? Target { get; set; }
    }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? PassMark { get; set; }
    [BindProperty] public string? RetakesAllowed { get; set; }
    [BindProperty] public List<PartInput> Parts { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public GateDefinition Gate { get; private set; } = null!;

    /// <summary>Problems by field: Name, PassMark, RetakesAllowed, Parts, Parts[i].Weight …, Note.</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    private static string Num(decimal? d) => d is { } v ? GateReferenceText.Invariant(v) : "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } gate)
        {
            return NotFound();
        }

        if (!gate.IsCurrent)
        {
            return LocalRedirect($"/gates/{id}");
        }

        Gate = gate;
        Name = gate.Name;
        PassMark = Num(gate.PassMark);
        RetakesAllowed = gate.RetakesAllowed.ToString(CultureInfo.InvariantCulture);
        Parts = gate.Parts.OrderBy(p => p.Order).Select(p => new PartInput { Kind = p.Kind.ToString(), Weight = Num(p.Weight), Minimum = Num(p.Minimum), Target = Num(p.Target) }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } gate)
        {
            return NotFound();
        }

        Gate = gate;
        // The parts are the gate's own: their kinds come from the version edited, in its order.
        var kinds = gate.Parts.OrderBy(p => p.Order).Select(p => p.Kind.ToString()).ToList();
        while (Parts.Count < kinds.Count)
        {
            Parts.Add(new PartInput());
        }

        Parts = Parts.Take(kinds.Count).Select((p, i) => { p.Kind = kinds[i]; return p; }).ToList();
        decimal? Read(string field, string? raw, bool required)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                if (required)
                {
                    Problems[field] = text["Enter a number."];
                }

                return null;
            }

            if (decimal.TryParse(raw.Trim().Replace('，', '.').Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }

            Problems[field] = text["Enter a number."];
            return null;
        }

        var pass = Read(nameof(PassMark), PassMark, true);
        int? retakes = int.TryParse(RetakesAllowed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        if (retakes is null)
        {
            Problems[nameof(RetakesAllowed)] = text["Retakes allowed must be 0 to 5."];
        }

        var parts = Parts.Select((p, i) => new GatePartRules(p.Kind, Read($"Parts[{i}].Weight", p.Weight, true), Read($"Parts[{i}].Minimum", p.Minimum, false),
            p.Kind == nameof(GatePartKind.TrainingHours) ? Read($"Parts[{i}].Target", p.Target, true) : null)).ToList();
        if (Problems.Count > 0)
        {
            return Page();
        }

        try
        {
            var next = await service.ReviseAsync(id, new GateRulesInput(Name, pass, retakes, parts, Note), ct);
            return LocalRedirect($"/gates?saved={next!.Id}");
        }
        catch (DomainException e)
        {
            Problems[FieldOf(e.Message)] = text[e.Message];
            return Page();
        }
    }

    /// <summary>The field a refusal of <see cref="GateDefinition"/> belongs to.</summary>
    private static string FieldOf(string message) => message switch
    {
        _ when message.StartsWith("A gate needs a name", StringComparison.Ordinal) => nameof(Name),
        _ when message.StartsWith("The pass mark must", StringComparison.Ordinal) => nameof(PassMark),
        _ when message.StartsWith("Retakes", StringComparison.Ordinal) => nameof(RetakesAllowed),
        _ when message.StartsWith("Say why", StringComparison.Ordinal) => nameof(Note),
        _ => nameof(Parts),
    };
}
