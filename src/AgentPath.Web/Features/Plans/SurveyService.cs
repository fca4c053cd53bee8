using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>Needs surveys: who sees them (staff by the departments of the teams asked; a person only surveys sent to their team), sending, answering, closing, turning results into needs.</summary>
public sealed class SurveyService(AppDbContext db, PlanAccess access, PlanNeeds needs, Notifier notifier, TimeProvider time, IStringLocalizer<Text> text)
{
    /// <summary>Surveys whose audience has a team in the viewer's departments (every survey for center-wide roles).</summary>
    public async Task<IQueryable<NeedsSurvey>> VisibleAsync(CancellationToken ct = default)
    {
        var departments = await access.DepartmentsAsync(ct);
        if (departments is null)
        {
            return db.NeedsSurveys;
        }

        var teams = db.Teams.Where(t => departments.Contains(t.DepartmentId)).Select(t => t.Id);
        return db.NeedsSurveys.Where(s => s.Audience.Any(a => teams.Contains(a.TeamId)));
    }

    /// <summary>Surveys sent to the person's team.</summary>
    public IQueryable<NeedsSurvey> ForPerson(Employee me)
    {
        var team = me.TeamId ?? -1;
        return db.NeedsSurveys.Where(s => s.Audience.Any(a => a.TeamId == team));
    }

    /// <summary>Open surveys sent to the person that they have not answered.</summary>
    public async Task<List<NeedsSurvey>> WaitingForAsync(int employeeId, CancellationToken ct = default)
    {
        var me = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId, ct);
        if (me is null || me.TeamId is null)
        {
            return [];
        }

        var today = PlanMonth.Today(time);
        var answered = db.SurveyResponses.Where(r => r.EmployeeId == employeeId).Select(r => r.SurveyId);
        return await ForPerson(me).AsNoTracking().Where(s => !s.Closed && s.ClosesOn >= today && !answered.Contains(s.Id)).OrderBy(s => s.ClosesOn).ToListAsync(ct);
    }

    public sealed class NewSurvey
    {
        public string? Title { get; set; }
        public string? Intro { get; set; }
        public string? Month { get; set; }
        public DateOnly? ClosesOn { get; set; }
        public List<int> TeamIds { get; set; } = [];
        public List<SkillArea> Categories { get; set; } = [];
        public List<string?> FreeItems { get; set; } = [];
        public List<SurveyItemKind> FreeKinds { get; set; } = [];
    }

    public async Task<(NeedsSurvey? Survey, string? Error)> CreateAsync(NewSurvey input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var departments = await access.DepartmentsAsync(ct);
        var teams = await db.Teams.Where(t => input.TeamIds.Contains(t.Id)).Select(t => new { t.Id, t.DepartmentId }).ToListAsync(ct);
        if (teams.Count != input.TeamIds.Distinct().Count() || (departments is not null && teams.Any(t => !departments.Contains(t.DepartmentId))))
        {
            return (null, text["Unknown team."]);
        }

        if (!PlanMonth.TryParse(input.Month, out var first))
        {
            return (null, text["A month is written as YYYY-MM."]);
        }

        if (input.ClosesOn is null)
        {
            return (null, text["Choose the day the survey closes."]);
        }

        var free = input.FreeItems.Select((t, i) => (Text: t ?? "", Kind: i < input.FreeKinds.Count ? input.FreeKinds[i] : SurveyItemKind.Rating)).ToList();
        try
        {
            var survey = new NeedsSurvey(input.Title ?? "", input.Intro, PlanMonth.Of(first), input.ClosesOn.Value, PlanMonth.Today(time), input.TeamIds,
                input.Categories, free, PlanActor.Name(user), time.GetUtcNow());
            db.NeedsSurveys.Add(survey);
            await db.SaveChangesAsync(ct);

            // Everyone on the teams asked hears of it, with a link to the form.
            var people = await db.Employees.Where(e => e.TeamId != null && input.TeamIds.Contains(e.TeamId.Value) && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
                .Select(e => e.Id).ToListAsync(ct);
            foreach (var u in await db.Users.Where(u => u.EmployeeId != null && people.Contains(u.EmployeeId.Value)).Select(u => u.Id).ToListAsync(ct))
            {
                notifier.Post(u, "A training needs survey waits for your answers: {0}.", [survey.Title], $"/plans/surveys/{survey.Id}/answer");
            }

            await db.SaveChangesAsync(ct);
            return (survey, null);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return (null, text[e.Message]);
        }
    }

    /// <summary>Records a person's answers. Null error = saved.</summary>
    public async Task<string?> AnswerAsync(NeedsSurvey survey, Employee me, IReadOnlyDictionary<int, (int? Rating, string? Text)> answers, CancellationToken ct = default)
    {
        if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == survey.Id && r.EmployeeId == me.Id, ct))
        {
            return text["You have already answered this survey."];
        }

        try
        {
            db.SurveyResponses.Add(new SurveyResponse(survey, me, answers, PlanMonth.Today(time), time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return text[e.Message];
        }
        catch (DbUpdateException)
        {
            // The same person sent the form twice at once; the first one counts.
            db.ChangeTracker.Clear();
            return text["You have already answered this survey."];
        }
    }

    /// <summary>The answers of teams in the viewer's scope, for the aggregation.</summary>
    public async Task<List<SurveyAggregation.Answer>> AnswersAsync(int surveyId, CancellationToken ct = default)
    {
        var departments = await access.DepartmentsAsync(ct);
        var q = from a in db.SurveyAnswers
                join r in db.SurveyResponses on a.ResponseId equals r.Id
                where r.SurveyId == surveyId
                select new { a.ItemId, r.TeamId, a.Rating, a.Text, Department = db.Teams.Where(t => t.Id == r.TeamId).Select(t => (int?)t.DepartmentId).FirstOrDefault() };
        var rows = await q.ToListAsync(ct);
        return rows.Where(r => departments is null || (r.Department is { } d && departments.Contains(d)))
            .Select(r => new SurveyAggregation.Answer(r.ItemId, r.TeamId, r.Rating, r.Text)).ToList();
    }

    /// <summary>
    /// Raises a general-skills training need per department of the survey's audience for each chosen
    /// item: the headcount is the number who need it (rated 4 or 5) in that department. Returns how many were raised.
    /// </summary>
    public async Task<int> RaiseNeedsAsync(NeedsSurvey survey, IReadOnlyCollection<int> itemIds, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var answers = await AnswersAsync(survey.Id, ct);
        var teamDepartment = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.DepartmentId, ct);
        var raised = 0;
        var month = PlanMonth.First(survey.Month);
        foreach (var item in survey.Items.Where(i => itemIds.Contains(i.Id) && i.Kind == SurveyItemKind.Rating))
        {
            var title = item.Category is { } c ? text[SkillAreas.Key(c)].Value : item.Text!;
            foreach (var dept in answers.Where(a => a.ItemId == item.Id && a.TeamId is not null).GroupBy(a => teamDepartment.GetValueOrDefault(a.TeamId!.Value)))
            {
                var rated = dept.Where(a => a.Rating is not null).ToList();
                var needIt = rated.Count(a => a.Rating >= SurveyAggregation.Needed);
                var key = $"Survey {survey.Id} item {item.Id}";
                if (needIt == 0 || await db.TrainingNeeds.AnyAsync(n => n.Source == NeedSources.Survey && n.SourceRef == key && n.ForMonth == month
                        && db.NeedDetails.Any(d => d.NeedId == n.Id && d.DepartmentId == dept.Key), ct))
                {
                    continue;
                }

                var mean = Math.Round((decimal)rated.Sum(a => a.Rating!.Value) / rated.Count, 2);
                var (need, _) = await needs.RaiseAsync(new PlanNeeds.Input
                {
                    Title = title, Month = survey.Month, DepartmentId = dept.Key, Headcount = needIt, Category = PlanCategory.GeneralSkills, SkillArea = item.Category,
                    Details = text["Needs survey \"{0}\": mean {1} of 5; {2} of {3} rated 4 or 5.", survey.Title, mean, needIt, rated.Count],
                }, NeedSources.Survey, key, user, ct);
                if (need is not null)
                {
                    raised++;
                }
            }
        }

        return raised;
    }
}
