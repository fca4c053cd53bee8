using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Scorecards;

/// <summary>A scorecard's draft version, edited section by section and item by item, then published; published versions are read-only.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public sealed class SectionInput
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public decimal Weight { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class ItemInput
    {
        public int Id { get; set; }
        public int SectionId { get; set; }
        public string? Text { get; set; }
        public ItemScale Scale { get; set; }
        public int Max { get; set; } = 1;
        public decimal Weight { get; set; } = 1;
        public Critical Critical { get; set; }
        public bool Na { get; set; }
        public bool Remove { get; set; }
    }

    public Scorecard Card { get; private set; } = null!;
    public ScorecardVersion Shown { get; private set; } = null!;
    public string? Error { get; private set; }

    [BindProperty] public decimal PassMark { get; set; }
    [BindProperty] public decimal CommentBelow { get; set; }
    [BindProperty] public List<SectionInput> S { get; set; } = [];
    [BindProperty] public List<ItemInput> I { get; set; } = [];
    [BindProperty] public string? NewSection { get; set; }
    [BindProperty] public decimal NewSectionWeight { get; set; } = 10;
    [BindProperty] public ItemInput? NewItem { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct) => await LoadAsync(id, version, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct))
        {
            return NotFound();
        }

        try
        {
            Apply();
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            return Page();
        }

        TempData.Confirm(text["Draft saved."]);
        return Redirect($"/quality/scorecards/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct))
        {
            return NotFound();
        }

        try
        {
            Apply();
            Shown.Publish(time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            return Page();
        }

        TempData.Confirm(text["Version {0} published: new evaluations use it.", Shown.Number]);
        return Redirect($"/quality/scorecards/{id}");
    }

    private void Apply()
    {
        var v = Shown;
        if (v.Status != VersionStatus.Draft)
        {
            throw new DomainException("A published scorecard version never changes; make a new version.");
        }

        v.SetMarks(PassMark, CommentBelow);
        foreach (var s in S)
        {
            var section = v.Sections.FirstOrDefault(x => x.Id == s.Id);
            if (section is null)
            {
                continue;
            }

            if (s.Remove)
            {
                v.RemoveSection(section);
                continue;
            }

            section.Update(s.Name ?? "", s.Weight);
        }

        foreach (var i in I)
        {
            var section = v.Sections.FirstOrDefault(x => x.Items.Any(y => y.Id == i.Id));
            var item = section?.Items.First(y => y.Id == i.Id);
            if (item is null)
            {
                continue;
            }

            if (i.Remove)
            {
                section!.RemoveItem(item);
                continue;
            }

            item.Update(i.Text ?? "", i.Scale, i.Max, i.Weight, i.Critical, i.Na);
        }

        if (!string.IsNullOrWhiteSpace(NewSection))
        {
            v.AddSection(NewSection, NewSectionWeight);
        }

        if (NewItem is { Text: { Length: > 0 } t } ni && v.Sections.FirstOrDefault(x => x.Id == ni.SectionId) is { } target)
        {
            target.AddItem(t, ni.Scale, ni.Max, ni.Weight, ni.Critical, ni.Na);
        }
    }

    private async Task<bool> LoadAsync(int id, int? version, CancellationToken ct)
    {
        var card = await db.Scorecards.Include(c => c.Versions).ThenInclude(v => v.Sections).ThenInclude(s => s.Items).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null)
        {
            return false;
        }

        Card = card;
        var shown = version is { } n ? card.Versions.FirstOrDefault(v => v.Number == n)
            : card.Versions.FirstOrDefault(v => v.Status == VersionStatus.Draft) ?? card.Current ?? card.Versions.MaxBy(v => v.Number);
        if (shown is null)
        {
            return false;
        }

        Shown = shown;
        if (HttpMethods.IsGet(Request.Method))
        {
            PassMark = shown.PassMark;
            CommentBelow = shown.CommentBelow;
        }

        return true;
    }
}
