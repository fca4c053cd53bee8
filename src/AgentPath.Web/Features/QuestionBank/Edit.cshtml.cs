using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.QuestionBank;

/// <summary>
/// 编辑试题 — a trainer writes a question or changes one. A change to a version that an attempt has
/// shown makes a new version (the attempt keeps what it showed); otherwise the version is edited in place.
/// A change of status alone never makes a version.
/// </summary>
public sealed class EditModel(AppDbContext db, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>Option rows the form shows (more when a question already has more options).</summary>
    public const int OptionRows = 8;

    /// <summary>Option rows a post may carry; the rest are ignored.</summary>
    public const int MaxOptionRows = 26;

    public sealed class OptionInput
    {
        public string? Text { get; set; }
        public bool Right { get; set; }
    }

    public sealed class QuestionInput
    {
        [Display(Name = "Knowledge area")]
        [Required(ErrorMessage = "{0} is required.")]
        public int? AreaId { get; set; }

        public QuestionType Type { get; set; } = QuestionType.Single;

        [Display(Name = "Question name")]
        [StringLength(Question.NameMax, ErrorMessage = "{0} is too long.")]
        public string? Name { get; set; }

        /// <summary>Checked by <see cref="QuestionRules"/> (empty, too long).</summary>
        public string? Text { get; set; }

        public List<OptionInput> Options { get; set; } = [];

        public MultipleScoring MultipleScoring { get; set; } = MultipleScoring.Partial;

        public bool? TrueFalseAnswer { get; set; }

        [Display(Name = "Accepted answers (fill in the blank; one per line)")]
        [StringLength(Question.TextMax, ErrorMessage = "{0} is too long.")]
        public string? AcceptedAnswers { get; set; }

        [Display(Name = "Rubric (short answer)")]
        [StringLength(Question.TextMax, ErrorMessage = "{0} is too long.")]
        public string? Rubric { get; set; }

        [Display(Name = "Answer explanation")]
        [StringLength(Question.TextMax, ErrorMessage = "{0} is too long.")]
        public string? Explanation { get; set; }

        [Display(Name = "Difficulty")]
        [Range(1, 5, ErrorMessage = "{0} must be between {1} and {2}.")]
        public int Difficulty { get; set; } = 3;

        [Display(Name = "Points")]
        [Required(ErrorMessage = "{0} is required.")]
        public decimal? Points { get; set; } = 1m;

        /// <summary>Comma separated (, or ，). The joined tags are never longer than this text.</summary>
        [Display(Name = "Tags (comma separated)")]
        [StringLength(500, ErrorMessage = "{0} is too long.")]
        public string? Tags { get; set; }

        public QuestionStatus Status { get; set; } = QuestionStatus.Active;
    }

    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public int Version { get; private set; }

    /// <summary>An attempt has shown this version: a change makes a new one.</summary>
    public bool Shown { get; private set; }
    public string? Notice { get; private set; }
    public IReadOnlyList<KnowledgeArea> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, string? saved, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var q = await db.Questions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (q is null)
            {
                return NotFound();
            }

            if (!q.IsCurrent)
            {
                // An older version: edit the current one of the family.
                var current = await db.Questions.Where(x => x.FamilyId == q.FamilyId && x.IsCurrent).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
                if (current is { } c)
                {
                    return LocalRedirect($"/question-bank/edit/{c}");
                }
            }

            Input = InputFrom(q);
            await DescribeAsync(q, ct);
            Notice = saved switch
            {
                "created" => text["The question was added to the bank."].Value,
                "saved" => text["The question was saved."].Value,
                "version" => text["A new version was made; attempts keep the version they showed."].Value,
                _ => null,
            };
        }

        PadOptions();
        await LoadAreasAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Question? q = null;
        if (id is { } existing)
        {
            q = await db.Questions.FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (q is null)
            {
                return NotFound();
            }

            await DescribeAsync(q, ct);
        }

        ModelState.Clear();
        foreach (var (field, message) in InputValidator.Validate(Input, text))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (!Enum.IsDefined(Input.Type) || !Enum.IsDefined(Input.Status) || !Enum.IsDefined(Input.MultipleScoring))
        {
            ModelState.AddModelError("Input.Type", text["Invalid value."]);
        }

        if (q is { IsCurrent: false })
        {
            ModelState.AddModelError("", text["This version has been replaced by a newer one; open the current version to edit it."]);
        }

        var area = Input.AreaId is { } areaId ? await db.KnowledgeAreas.FirstOrDefaultAsync(a => a.Id == areaId, ct) : null;
        if (Input.AreaId is not null && area is null)
        {
            ModelState.AddModelError("Input.AreaId", text["Unknown knowledge area."]);
        }

        var draft = Draft(q);
        foreach (var problem in QuestionRules.Check(draft))
        {
            var field = FieldOf(problem);
            if (ModelState[field] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(field, text[problem]);
            }
        }

        if (!ModelState.IsValid || area is null)
        {
            PadOptions();
            await LoadAreasAsync(ct);
            return Page();
        }

        var now = time.GetUtcNow();
        string outcome;
        if (q is null)
        {
            q = Question.Create(draft, area, now, Input.Status);
            db.Questions.Add(q);
            outcome = "created";
        }
        else if (SameContent(q, Question.Create(draft, area, now)))
        {
            q.SetStatus(Input.Status);
            outcome = "saved";
        }
        else if (await db.AttemptItems.AnyAsync(i => i.QuestionId == q.Id, ct))
        {
            var next = q.NewVersion(draft, area, now);
            next.SetStatus(Input.Status);
            db.Questions.Add(next);
            q = next;
            outcome = "version";
        }
        else
        {
            q.Edit(draft, area);
            q.SetStatus(Input.Status);
            outcome = "saved";
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two trainers made a new version of the same question at once: the unique (family, version) index let one win.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", text["Someone else saved this question at the same time. Reload the page and try again."]);
            PadOptions();
            await LoadAreasAsync(ct);
            return Page();
        }

        return LocalRedirect($"/question-bank/edit/{q.Id}?saved={outcome}");
    }

    public static QuestionInput InputFrom(Question q) => new()
    {
        AreaId = q.AreaId,
        Type = q.Type,
        Name = q.Name,
        Text = q.Text,
        Options = q.Type is QuestionType.Single or QuestionType.Multiple
            ? q.Options.Select(o => new OptionInput { Text = o.Text, Right = IsRight(q.Type, o.Fraction) }).ToList()
            : [],
        MultipleScoring = q.MultipleScoring,
        TrueFalseAnswer = q.Type == QuestionType.TrueFalse ? q.Options.FirstOrDefault(o => o.Id == 1)?.Fraction > 0 : null,
        AcceptedAnswers = string.Join("\n", q.AcceptedAnswers),
        Rubric = q.Rubric,
        Explanation = q.Explanation,
        Difficulty = q.Difficulty,
        Points = q.DefaultPoints,
        Tags = q.Tags.Replace(",", ", ", StringComparison.Ordinal),
        Status = q.Status,
    };

    private static bool IsRight(QuestionType type, decimal fraction) => type == QuestionType.Single ? fraction >= 1 : fraction > 0;

    /// <summary>
    /// The question the form describes. Single: the right option 1, the others 0. Multiple: each right option
    /// 1/(right options), the wrong ones 0. When the options and which are right did not change, the question's
    /// own shares (an imported penalty, a partly right option) and option feedback are kept.
    /// </summary>
    private QuestionDraft Draft(Question? existing)
    {
        var rows = Input.Options.Take(MaxOptionRows)
            .Where(o => !string.IsNullOrWhiteSpace(o.Text) || o.Right)
            .Select(o => (Text: (o.Text ?? "").Trim(), o.Right))
            .ToList();
        IReadOnlyList<OptionDraft> options = [];
        if (Input.Type is QuestionType.Single or QuestionType.Multiple)
        {
            var kept = existing is not null && existing.Type == Input.Type ? existing.Options : [];
            var unchanged = kept.Count == rows.Count && kept.Zip(rows).All(p => p.First.Text == p.Second.Text && IsRight(Input.Type, p.First.Fraction) == p.Second.Right);
            var right = Math.Max(1, rows.Count(r => r.Right));
            options = rows.Select((r, i) => unchanged
                ? new OptionDraft(r.Text, kept[i].Fraction, kept[i].Feedback)
                : new OptionDraft(r.Text, !r.Right ? 0m : Input.Type == QuestionType.Single ? 1m : 1m / right, kept.FirstOrDefault(k => k.Text == r.Text)?.Feedback)).ToList();
        }

        var text = (Input.Text ?? "").Trim();
        var name = string.IsNullOrWhiteSpace(Input.Name) ? (text.Length > 30 ? text[..30] : text) : Input.Name.Trim();
        return new QuestionDraft
        {
            Name = name,
            Type = Input.Type,
            Text = text,
            Options = options,
            AcceptedAnswers = Input.Type == QuestionType.FillIn ? Lines(Input.AcceptedAnswers) : [],
            TrueFalseAnswer = Input.Type == QuestionType.TrueFalse ? Input.TrueFalseAnswer : null,
            Explanation = Input.Explanation,
            Rubric = Input.Type == QuestionType.Short ? Input.Rubric : null,
            Difficulty = Input.Difficulty,
            Tags = (Input.Tags ?? "").Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            DefaultPoints = Math.Round(Input.Points ?? 0m, 2),
            MultipleScoring = Input.Type == QuestionType.Multiple ? Input.MultipleScoring : existing?.MultipleScoring ?? MultipleScoring.Partial,
        };
    }

    private static string[] Lines(string? s) =>
        (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether a version would show and grade the same as another: everything but the status.</summary>
    private static bool SameContent(Question a, Question b) =>
        a.AreaId == b.AreaId && a.Type == b.Type && a.Name == b.Name && a.Text == b.Text && a.OptionsJson == b.OptionsJson
        && a.AcceptedAnswersJson == b.AcceptedAnswersJson && a.MultipleScoring == b.MultipleScoring && a.Explanation == b.Explanation
        && a.Rubric == b.Rubric && a.Difficulty == b.Difficulty && a.DefaultPoints == b.DefaultPoints && a.Tags == b.Tags;

    /// <summary>The form field a <see cref="QuestionRules"/> message belongs to.</summary>
    private static string FieldOf(string problem) => problem switch
    {
        "The question has no text." or "The question text is too long." => "Input.Text",
        "Points must be more than 0 and at most 100." => "Input.Points",
        "A true/false question needs its answer." => "Input.TrueFalseAnswer",
        "A fill-in question needs at least one accepted answer." => "Input.AcceptedAnswers",
        _ => "Input.Options",
    };

    private async Task DescribeAsync(Question q, CancellationToken ct)
    {
        Id = q.Id;
        Version = q.Version;
        Shown = await db.AttemptItems.AnyAsync(i => i.QuestionId == q.Id, ct);
    }

    private void PadOptions()
    {
        if (Input.Options.Count > MaxOptionRows)
        {
            Input.Options = Input.Options.Take(MaxOptionRows).ToList();
        }

        while (Input.Options.Count < OptionRows)
        {
            Input.Options.Add(new OptionInput());
        }
    }

    private async Task LoadAreasAsync(CancellationToken ct) =>
        Areas = await db.KnowledgeAreas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
}
