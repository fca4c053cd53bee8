using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Papers;

/// <summary>
/// 组卷 — a trainer makes or changes a paper: settings, then chosen questions (fixed) or draw rules (drawn),
/// checked against the bank. A paper that an exam uses is shown read-only; it can be copied into a new one.
/// </summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>Empty rule rows offered below the filled ones.</summary>
    public const int BlankRules = 3;

    /// <summary>Rule rows a post may carry; the rest are ignored.</summary>
    public const int MaxRules = 50;

    /// <summary>Bank questions listed at once under the filters.</summary>
    public const int BankPage = 200;

    public sealed class RuleInput
    {
        public int? AreaId { get; set; }
        public int? Difficulty { get; set; }
        public int? Count { get; set; }
        public decimal? PointsEach { get; set; }

        public bool IsBlank => AreaId is null && Count is null && PointsEach is null;
    }

    public sealed class PaperInput
    {
        [Display(Name = "Paper title")]
        [Required(ErrorMessage = "{0} is required.")]
        [StringLength(Paper.TitleMax, ErrorMessage = "{0} is too long.")]
        public string? Title { get; set; }

        public PaperMode Mode { get; set; } = PaperMode.Fixed;

        [Display(Name = "Duration (minutes)")]
        [Required(ErrorMessage = "{0} is required.")]
        [Range(1, 600, ErrorMessage = "{0} must be between {1} and {2}.")]
        public int? DurationMinutes { get; set; } = 30;

        [Display(Name = "Pass mark (%)")]
        [Required(ErrorMessage = "{0} is required.")]
        [Range(0d, 100d, ErrorMessage = "{0} must be between {1} and {2}.")]
        public decimal? PassPercent { get; set; } = 60m;

        public bool ShuffleQuestions { get; set; }
        public bool ShuffleOptions { get; set; }
        public ReviewTime ShowAnswers { get; set; } = ReviewTime.AfterClose;

        /// <summary>Fixed paper: the chosen question versions, in paper order.</summary>
        public List<int> Selected { get; set; } = [];

        /// <summary>Fixed paper: points per question id; empty means the question's own points.</summary>
        public Dictionary<int, decimal?> Points { get; set; } = [];

        public List<RuleInput> Rules { get; set; } = [];
    }

    [BindProperty]
    public PaperInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public int? FilterAreaId { get; set; }
    [BindProperty(SupportsGet = true)] public QuestionType? FilterType { get; set; }

    public int? Id { get; private set; }

    /// <summary>Exams that use this paper; any makes it read-only.</summary>
    public int ExamCount { get; private set; }
    public bool ReadOnly => ExamCount > 0;

    /// <summary>Exams of this paper that allow more than one attempt (warned about with "keys after submit", see <see cref="ReviewPolicy"/>).</summary>
    public int MultiAttemptExams { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>The paper as stored, for the read-only view.</summary>
    public Paper? Stored { get; private set; }

    public IReadOnlyList<KnowledgeArea> Areas { get; private set; } = [];

    /// <summary>The chosen questions, in paper order.</summary>
    public IReadOnlyList<Question> OnPaper { get; private set; } = [];

    /// <summary>Current active questions under the filters that are not on the paper.</summary>
    public IReadOnlyList<Question> Bank { get; private set; } = [];
    public int BankTotal { get; private set; }

    /// <summary>Current active questions per knowledge area and difficulty: what a draw can take.</summary>
    public IReadOnlyDictionary<(int AreaId, int Difficulty), int> Available { get; private set; } = new Dictionary<(int, int), int>();

    public int AvailableIn(int areaId, int? difficulty) =>
        Available.Where(kv => kv.Key.AreaId == areaId && (difficulty is null || kv.Key.Difficulty == difficulty)).Sum(kv => kv.Value);

    public async Task<IActionResult> OnGetAsync(int? id, string? saved, CancellationToken ct)
    {
        if (id is { } pid)
        {
            var paper = await LoadPaperAsync(pid, ct);
            if (paper is null)
            {
                return NotFound();
            }

            Input = InputFrom(paper);
            Notice = saved switch
            {
                "saved" => text["Paper saved."].Value,
                "copied" => text["This is a copy. Change it and save; the original stays as it is."].Value,
                _ => null,
            };
        }

        await LoadListsAsync(ct);
        return Page();
    }

    /// <summary>Shows the form again with what was posted: new bank filters, more rule rows. Saves nothing.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(int? id, CancellationToken ct)
    {
        if (id is { } pid)
        {
            var paper = await LoadPaperAsync(pid, ct);
            if (paper is null)
            {
                return NotFound();
            }

            if (ReadOnly)
            {
                Input = InputFrom(paper);
            }
        }

        ModelState.Clear();
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Paper? paper = null;
        if (id is { } pid)
        {
            paper = await LoadPaperAsync(pid, ct);
            if (paper is null)
            {
                return NotFound();
            }

            if (ReadOnly)
            {
                ModelState.Clear();
                ModelState.AddModelError("", text["This paper is used by an exam, so it cannot be changed."]);
                Input = InputFrom(paper);
                await LoadListsAsync(ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }

        ModelState.Clear();
        foreach (var (field, message) in InputValidator.Validate(Input, text))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (!Enum.IsDefined(Input.Mode) || !Enum.IsDefined(Input.ShowAnswers))
        {
            ModelState.AddModelError("Input.Mode", text["Invalid value."]);
        }

        var items = Input.Mode == PaperMode.Fixed ? await ChosenAsync(ct) : [];
        var rules = Input.Mode == PaperMode.Drawn ? await RulesAsync(ct) : [];

        if (!ModelState.IsValid)
        {
            await LoadListsAsync(ct);
            return Page();
        }

        try
        {
            if (paper is null)
            {
                paper = new Paper(Input.Title!, Input.Mode, Input.DurationMinutes!.Value, Input.PassPercent!.Value, Input.ShuffleQuestions, Input.ShuffleOptions, Input.ShowAnswers);
                db.Papers.Add(paper);
            }
            else
            {
                paper.Update(Input.Title!, Input.Mode, Input.DurationMinutes!.Value, Input.PassPercent!.Value, Input.ShuffleQuestions, Input.ShuffleOptions, Input.ShowAnswers);
            }

            foreach (var (q, points) in items)
            {
                paper.AddQuestion(q, points);
            }

            foreach (var (area, difficulty, count, pointsEach) in rules)
            {
                paper.AddDrawRule(area, difficulty, count, pointsEach);
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", text[e.Message]);
            await LoadListsAsync(ct);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        return LocalRedirect($"/papers/edit/{paper.Id}?saved=saved");
    }

    /// <summary>A new paper with this one's settings and questions (their current versions) or rules. Works on any paper.</summary>
    public async Task<IActionResult> OnPostCopyAsync(int? id, CancellationToken ct)
    {
        if (id is not { } pid || await LoadPaperAsync(pid, ct) is not { } source)
        {
            return NotFound();
        }

        var title = text["{0} (copy)", source.Title].Value;
        var copy = new Paper(title.Length > Paper.TitleMax ? title[..Paper.TitleMax] : title, source.Mode, source.DurationMinutes, source.PassPercent,
            source.ShuffleQuestions, source.ShuffleOptions, source.ShowAnswers);
        var families = source.Items.Select(i => i.Question.FamilyId).ToList();
        var current = await db.Questions.Where(q => q.IsCurrent && families.Contains(q.FamilyId)).ToDictionaryAsync(q => q.FamilyId, ct);
        foreach (var item in source.Items.OrderBy(i => i.Order))
        {
            copy.AddQuestion(current.GetValueOrDefault(item.Question.FamilyId, item.Question), item.Points);
        }

        foreach (var rule in source.DrawRules.OrderBy(r => r.Id))
        {
            copy.AddDrawRule(rule.Area, rule.Difficulty, rule.Count, rule.PointsEach);
        }

        db.Papers.Add(copy);
        await db.SaveChangesAsync(ct);
        return LocalRedirect($"/papers/edit/{copy.Id}?saved=copied");
    }

    public static PaperInput InputFrom(Paper p) => new()
    {
        Title = p.Title,
        Mode = p.Mode,
        DurationMinutes = p.DurationMinutes,
        PassPercent = p.PassPercent,
        ShuffleQuestions = p.ShuffleQuestions,
        ShuffleOptions = p.ShuffleOptions,
        ShowAnswers = p.ShowAnswers,
        Selected = p.Items.OrderBy(i => i.Order).Select(i => i.QuestionId).ToList(),
        Points = p.Items.ToDictionary(i => i.QuestionId, i => (decimal?)i.Points),
        Rules = p.DrawRules.OrderBy(r => r.Id).Select(r => new RuleInput { AreaId = r.AreaId, Difficulty = r.Difficulty, Count = r.Count, PointsEach = r.PointsEach }).ToList(),
    };

    private async Task<Paper?> LoadPaperAsync(int id, CancellationToken ct)
    {
        var paper = await db.Papers.Include(p => p.Items).ThenInclude(i => i.Question).ThenInclude(q => q.Area)
            .Include(p => p.DrawRules).ThenInclude(r => r.Area).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (paper is not null)
        {
            Id = id;
            Stored = paper;
            ExamCount = await db.Exams.CountAsync(e => e.PaperId == id, ct);
            MultiAttemptExams = await db.Exams.CountAsync(e => e.PaperId == id && e.AttemptsAllowed > 1, ct);
        }

        return paper;
    }

    /// <summary>The chosen questions with their points, one version per question family, in the order posted.</summary>
    private async Task<List<(Question Q, decimal Points)>> ChosenAsync(CancellationToken ct)
    {
        var ids = Input.Selected.Distinct().ToList();
        var questions = await db.Questions.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var result = new List<(Question, decimal)>();
        var families = new HashSet<Guid>();
        var badPoints = false;
        foreach (var id in ids)
        {
            if (!questions.TryGetValue(id, out var q) || !families.Add(q.FamilyId))
            {
                continue;
            }

            var points = Input.Points.GetValueOrDefault(id) ?? q.DefaultPoints;
            if (points is <= 0 or > 100)
            {
                badPoints = true;
                continue;
            }

            result.Add((q, Math.Round(points, 2)));
        }

        if (badPoints)
        {
            ModelState.AddModelError("Input.Points", text["Points must be more than 0 and at most 100."]);
        }
        else if (result.Count == 0)
        {
            ModelState.AddModelError("Input.Selected", text["Choose at least one question for a fixed paper."]);
        }

        return result;
    }

    /// <summary>The filled rule rows, checked, and checked against the bank: each needs that many active questions to draw from.</summary>
    private async Task<List<(KnowledgeArea Area, int? Difficulty, int Count, decimal PointsEach)>> RulesAsync(CancellationToken ct)
    {
        var areas = await db.KnowledgeAreas.ToDictionaryAsync(a => a.Id, ct);
        var result = new List<(KnowledgeArea, int?, int, decimal)>();
        var n = 0;
        foreach (var r in Input.Rules.Take(MaxRules))
        {
            n++;
            if (r.IsBlank)
            {
                continue;
            }

            if (r.AreaId is not { } areaId || !areas.TryGetValue(areaId, out var area))
            {
                ModelState.AddModelError("Input.Rules", text["Rule {0}: choose a knowledge area.", n]);
                continue;
            }

            if (r.Difficulty is < 1 or > 5)
            {
                ModelState.AddModelError("Input.Rules", text["Rule {0}: {1}", n, text["Invalid value."]]);
                continue;
            }

            if (r.Count is not ({ } count and >= 1 and <= 500) || r.PointsEach is not ({ } each and > 0 and <= 100))
            {
                ModelState.AddModelError("Input.Rules", text["Rule {0}: {1}", n, text["A draw rule needs a count of at least 1 and points above 0."]]);
                continue;
            }

            result.Add((area, r.Difficulty, count, Math.Round(each, 2)));
        }

        if (result.Count == 0)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("Input.Rules", text["Add at least one draw rule for a drawn paper."]);
            }

            return result;
        }

        // Every rule draws on its own, so rules on the same knowledge area share its questions.
        await LoadAvailableAsync(ct);
        foreach (var group in result.GroupBy(r => r.Item1.Id))
        {
            var chinese = JsonStringLocalizer.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
            var name = group.First().Item1.DisplayName(chinese);
            foreach (var byDifficulty in group.Where(r => r.Item2 is not null).GroupBy(r => r.Item2!.Value))
            {
                var need = byDifficulty.Sum(r => r.Item3);
                var have = AvailableIn(group.Key, byDifficulty.Key);
                if (have < need)
                {
                    ModelState.AddModelError("Input.Rules", text["The bank has only {0} active questions in {1} at difficulty {2}; the rules ask for {3}.", have, name, byDifficulty.Key, need]);
                }
            }

            var total = group.Sum(r => r.Item3);
            var inArea = AvailableIn(group.Key, null);
            if (inArea < total)
            {
                ModelState.AddModelError("Input.Rules", text["The bank has only {0} active questions in {1}; the rules ask for {2}.", inArea, name, total]);
            }
        }

        return result;
    }

    private async Task LoadAvailableAsync(CancellationToken ct)
    {
        var counts = await db.Questions.Where(q => q.IsCurrent && q.Status == QuestionStatus.Active)
            .GroupBy(q => new { q.AreaId, q.Difficulty }).Select(g => new { g.Key.AreaId, g.Key.Difficulty, Count = g.Count() }).ToListAsync(ct);
        Available = counts.ToDictionary(c => (c.AreaId, c.Difficulty), c => c.Count);
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Areas = await db.KnowledgeAreas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        await LoadAvailableAsync(ct);
        if (ReadOnly)
        {
            return;
        }

        var ids = Input.Selected.Distinct().ToList();
        var chosen = await db.Questions.AsNoTracking().Include(q => q.Area).Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        OnPaper = ids.Where(chosen.ContainsKey).Select(id => chosen[id]).ToList();
        var families = OnPaper.Select(q => q.FamilyId).ToList();

        var bank = db.Questions.AsNoTracking().Include(q => q.Area)
            .Where(q => q.IsCurrent && q.Status == QuestionStatus.Active && !families.Contains(q.FamilyId));
        if (FilterAreaId is { } area)
        {
            bank = bank.Where(q => q.AreaId == area);
        }

        if (FilterType is { } type)
        {
            bank = bank.Where(q => q.Type == type);
        }

        BankTotal = await bank.CountAsync(ct);
        Bank = await bank.OrderBy(q => q.AreaId).ThenBy(q => q.Id).Take(BankPage).ToListAsync(ct);

        // Rows keep their numbers (messages name them); empty rows at the end give way to fresh ones.
        Input.Rules = Input.Rules.Take(MaxRules).ToList();
        while (Input.Rules.Count > 0 && Input.Rules[^1].IsBlank)
        {
            Input.Rules.RemoveAt(Input.Rules.Count - 1);
        }

        for (var i = 0; i < BlankRules; i++)
        {
            Input.Rules.Add(new RuleInput());
        }
    }
}
