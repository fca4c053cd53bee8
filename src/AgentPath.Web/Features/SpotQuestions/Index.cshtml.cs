using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.SpotQuestions;

/// <summary>
/// /spot-questions — 班前会/班后会随机提问: the lead (or supervisor) records one question asked at a shift meeting and,
/// with one thumb, each person's answer (right / partly right / wrong; untouched = not asked) for the chosen team; one
/// save records the whole meeting. Below: the confirmation and the past meetings of the people in scope; a score is
/// corrected by a new record with a reason.
/// </summary>
[Authorize(Policy = Policies.Coach)]
public sealed class IndexModel(DataScopeProvider scope, SpotQuestionService spot, AppDbContext db, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    public sealed class ScoreRow
    {
        public int EmployeeId { get; set; }
        public SpotAnswer? Answer { get; set; }
        public string? Note { get; set; }
    }

    public sealed class FormInput
    {
        public ShiftMeeting Meeting { get; set; } = ShiftMeeting.PreShift;

        /// <summary>Center wall-clock time, as the datetime-local field sends it.</summary>
        public string? HeldAt { get; set; }
        public string? Question { get; set; }
        public List<ScoreRow> Scores { get; set; } = [];
    }

    public sealed record Person(int Id, string Name, string EmployeeNumber);

    [BindProperty]
    public FormInput Form { get; set; } = new();

    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public int? TeamId { get; private set; }
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<SpotMeetingView> Past { get; private set; } = [];
    public SpotMeetingView? Saved { get; private set; }
    public SpotCheckView? Correcting { get; private set; }
    public SpotMeetingView? CorrectingMeeting { get; private set; }
    public bool Corrected { get; private set; }
    public string? Error { get; private set; }
    public string Now { get; private set; } = "";
    public string Earliest { get; private set; } = "";
    public IReadOnlyList<string> RecentQuestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? team, long? saved, long? correct, bool corrected, CancellationToken ct)
    {
        Corrected = corrected;
        await LoadAsync(team, ct);
        Form.HeldAt = Now;
        Saved = saved is { } id ? Past.FirstOrDefault(m => m.Meeting.Id == id) : null;
        if (correct is { } c)
        {
            CorrectingMeeting = Past.FirstOrDefault(m => m.Checks.Any(x => x.Check.Id == c));
            Correcting = CorrectingMeeting?.Checks.First(x => x.Check.Id == c);
            if (Correcting is null)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? team, CancellationToken ct)
    {
        try
        {
            if (!DateTime.TryParseExact(Form.HeldAt, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new DomainException("Give the date and time of the meeting.");
            }

            var m = await spot.RecordAsync(User, Form.Meeting, CenterClock.FromCenter(local), Form.Question, team,
                Form.Scores.Select(s => new SpotScore(s.EmployeeId, s.Answer, s.Note)).ToList(), ct);
            return LocalRedirect($"/spot-questions?team={team}&saved={m.Id}");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
        }
        catch (SpotOutOfScopeException e)
        {
            Error = text[e.Message];
        }

        await LoadAsync(team, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCorrectAsync(int? team, long check, SpotAnswer? answer, string? note, string? reason, CancellationToken ct)
    {
        try
        {
            if (answer is not { } a)
            {
                throw new DomainException("Score each answer as right, partly right or wrong.");
            }

            var c = await spot.CorrectAsync(User, check, a, note, reason, ct);
            if (c is null)
            {
                return NotFound();
            }

            return LocalRedirect($"/spot-questions?team={team}&saved={c.MeetingId}&corrected=true");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
        }

        await LoadAsync(team, ct);
        CorrectingMeeting = Past.FirstOrDefault(m => m.Checks.Any(x => x.Check.Id == check));
        Correcting = CorrectingMeeting?.Checks.First(x => x.Check.Id == check);
        return Correcting is null ? NotFound() : Page();
    }

    /// <summary>The answer chosen for a person in the form being shown again after a refusal.</summary>
    public ScoreRow? Typed(int employeeId) => Form.Scores.FirstOrDefault(s => s.EmployeeId == employeeId);

    private async Task LoadAsync(int? team, CancellationToken ct)
    {
        var s = await scope.GetAsync(ct);
        var teams = await (await scope.TeamsAsync(ct)).AsNoTracking().ToListAsync(ct);
        // The teams the user leads first, then the others of the scope, in their natural order (一组, 二组, 三组).
        Teams = teams.OrderBy(t => s.TeamIds.Contains(t.Id) ? 0 : 1).ThenBy(t => TeamOrder(t.Name)).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        TeamId = team is { } t0 && Teams.Any(t => t.Id == t0) ? t0 : Teams.FirstOrDefault()?.Id;
        var me = s.SelfEmployeeId ?? -1;
        People = TeamId is { } tid
            ? await (await scope.PeopleAsync(ct)).AsNoTracking()
                .Where(e => e.TeamId == tid && e.Id != me && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
                .OrderBy(e => e.EmployeeNumber).Take(SpotMeeting.MaxPeople).Select(e => new Person(e.Id, e.Name, e.EmployeeNumber)).ToListAsync(ct)
            : [];
        Past = await spot.ListAsync(null, null, 20, ct);
        var clock = new CenterClock(time);
        Now = clock.Now.ToString(TimeFormat, CultureInfo.InvariantCulture);
        Earliest = clock.Now.AddDays(-SpotMeeting.MaxDaysBack).ToString(TimeFormat, CultureInfo.InvariantCulture);
        var userName = User.Identity?.Name ?? "";
        RecentQuestions = await db.Set<SpotMeeting>().AsNoTracking().Where(m => m.RecordedBy == userName)
            .OrderByDescending(m => m.Id).Select(m => m.Question).Take(40).ToListAsync(ct) is var qs ? qs.Distinct().Take(15).ToList() : [];
    }

    /// <summary>一组 → 1, 二组 → 2 … (names without a Chinese numeral sort after).</summary>
    private static int TeamOrder(string name)
    {
        const string digits = "一二三四五六七八九十";
        foreach (var ch in name)
        {
            var i = digits.IndexOf(ch, StringComparison.Ordinal);
            if (i >= 0)
            {
                return i + 1;
            }
        }

        return 99;
    }
}
