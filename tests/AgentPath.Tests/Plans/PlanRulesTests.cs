using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Plans;

namespace AgentPath.Tests.Plans;

/// <summary>The monthly plan's state machine and the checks of its items, without a database.</summary>
public class PlanRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static T WithId<T>(T entity, int id)
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }

    private sealed class Center
    {
        public Department Inbound { get; }
        public Department Outbound { get; }
        public Team Team { get; }
        public Employee Trainer { get; }
        public Employee Stranger { get; }

        public Center()
        {
            var site = WithId(new Site("广州职场"), 1);
            Inbound = WithId(new Department(site, "咨询热线部"), 1);
            Outbound = WithId(new Department(site, "回访销售部"), 2);
            Team = WithId(new Team(Inbound, "咨询一组"), 11);
            Trainer = WithId(new Employee("GZ1", "刘洋", new DateOnly(2020, 1, 1), Inbound, null, Stage.Regular), 100);
            Stranger = WithId(new Employee("GZ2", "孙丽", new DateOnly(2020, 1, 1), Outbound, null, Stage.Regular), 200);
        }
    }

    private static PlanItemSpec Spec(Employee owner, string title = "新品知识培训", decimal hours = 2, int headcount = 20, DateOnly? date = null, int? key = null) =>
        new(key, title, null, null, date ?? new DateOnly(2026, 11, 10), new TimeOnly(14, 0), headcount, TrainingMethod.Lecture, hours, owner.Id, PlanCategory.Business, null, []);

    private static (TrainingPlan Plan, Center C) Draft(int items = 1)
    {
        var c = new Center();
        var plan = new TrainingPlan(c.Inbound, "2026-11", "陈静", At);
        for (var i = 0; i < items; i++)
        {
            plan.AddItem(Spec(c.Trainer, $"培训项目 {i + 1}"), null, c.Trainer, 40);
        }

        return (plan, c);
    }

    [Fact]
    public void A_draft_is_submitted_approved_and_issued_in_that_order_and_issue_keeps_version_1()
    {
        var (plan, _) = Draft(2);
        plan.Submit("陈静", At);
        Assert.Equal(PlanStatus.Submitted, plan.Status);
        plan.Approve("李红梅", At.AddHours(2));
        Assert.Equal(PlanStatus.Approved, plan.Status);
        plan.Issue("陈静", At.AddHours(3));
        Assert.Equal(PlanStatus.Issued, plan.Status);
        Assert.Equal(1, plan.Version);
        var v1 = Assert.Single(plan.Versions);
        Assert.Equal(1, v1.Number);
        Assert.Equal(2, v1.Items().Count);
        Assert.Equal("李红梅", plan.ApprovedBy);
    }

    [Fact]
    public void An_empty_draft_cannot_be_submitted()
    {
        var (plan, _) = Draft(0);
        var e = Assert.Throws<DomainException>(() => plan.Submit("陈静", At));
        Assert.Equal("A plan needs at least one item before it is submitted.", e.Message);
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void A_draft_cannot_skip_to_approved_or_issued()
    {
        var (plan, _) = Draft();
        Assert.Throws<DomainException>(() => plan.Approve("李红梅", At));
        Assert.Throws<DomainException>(() => plan.Issue("陈静", At));
        plan.Submit("陈静", At);
        Assert.Throws<DomainException>(() => plan.Issue("陈静", At));
        Assert.Throws<DomainException>(() => plan.Submit("陈静", At));
        Assert.Equal(PlanStatus.Submitted, plan.Status);
    }

    [Fact]
    public void The_manager_sends_a_plan_back_to_draft_only_with_a_note()
    {
        var (plan, _) = Draft();
        plan.Submit("陈静", At);
        Assert.Throws<DomainException>(() => plan.Return(" ", "李红梅", At));
        plan.Return("新品培训改到第二周", "李红梅", At);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Contains("新品培训改到第二周", plan.ReturnNote, StringComparison.Ordinal);
        Assert.Null(plan.SubmittedBy);
    }

    [Fact]
    public void Items_change_only_in_a_draft_and_an_issued_plans_items_change_only_through_a_revision()
    {
        var (plan, c) = Draft();
        plan.Submit("陈静", At);
        var e = Assert.Throws<DomainException>(() => plan.AddItem(Spec(c.Trainer), null, c.Trainer, 40));
        Assert.Equal("Only a draft plan's items can be changed.", e.Message);
        plan.Approve("李红梅", At);
        plan.Issue("陈静", At);
        e = Assert.Throws<DomainException>(() => plan.UpdateItem(plan.Items[0], Spec(c.Trainer, hours: 3), null, c.Trainer, 40));
        Assert.Equal("An issued plan's items change only through a revision.", e.Message);
        Assert.Throws<DomainException>(() => plan.RemoveItem(plan.Items[0]));
        Assert.Equal(2m, plan.Items[0].Hours);
    }

    private static TrainingPlan Issued(Center c, int items = 2)
    {
        var plan = new TrainingPlan(c.Inbound, "2026-11", "陈静", At);
        for (var i = 0; i < items; i++)
        {
            plan.AddItem(Spec(c.Trainer, $"培训项目 {i + 1}"), null, c.Trainer, 40);
        }

        plan.Submit("陈静", At);
        plan.Approve("李红梅", At);
        plan.Issue("陈静", At);
        return plan;
    }

    [Fact]
    public void An_approved_revision_makes_a_new_version_and_keeps_every_earlier_one()
    {
        var c = new Center();
        var plan = Issued(c);
        var proposed = plan.Snapshot().Select(s => s.Key == 1 ? s with { Hours = 3 } : s).Where(s => s.Key != 2)
            .Append(new ItemSnapshot(0, 9, "退货登记新规", null, null, null, new DateOnly(2026, 11, 20), null, 10, TrainingMethod.Lecture, 1, c.Trainer.Id, c.Trainer.Name, PlanCategory.Business, null, []))
            .ToList();
        var revision = plan.ProposeRevision("新规上线", proposed, "李红梅", At.AddDays(5));
        Assert.Equal(1, revision.Number);
        Assert.Equal(RevisionStatus.Pending, revision.Status);

        // Until the general manager approves, the issued version stays in force.
        Assert.Equal(1, plan.Version);
        Assert.Equal(2, plan.Items.Count);
        Assert.True(plan.HasPendingRevision);

        plan.ApproveRevision(1, new Dictionary<int, Team>(), new Dictionary<int, Employee> { [c.Trainer.Id] = c.Trainer }, "王建国", At.AddDays(6));
        Assert.Equal(2, plan.Version);
        Assert.Equal(RevisionStatus.Approved, revision.Status);
        Assert.Equal(2, revision.ResultVersion);
        Assert.Equal(["培训项目 1", "退货登记新规"], plan.Items.OrderBy(i => i.Order).Select(i => i.Title));
        Assert.Equal(3m, plan.Items.Single(i => i.Key == 1).Hours);
        Assert.Equal(3, plan.Items.Single(i => i.Title == "退货登记新规").Key);

        // Both versions are kept: version 1 still lists what was issued.
        Assert.Equal([1, 2], plan.Versions.Select(v => v.Number));
        Assert.Equal(["培训项目 1", "培训项目 2"], plan.Versions[0].Items().Select(i => i.Title));
        Assert.Equal(2m, plan.Versions[0].Items()[0].Hours);
    }

    [Fact]
    public void A_second_revision_waits_until_the_first_is_decided_and_a_revision_must_change_something()
    {
        var c = new Center();
        var plan = Issued(c);
        var e = Assert.Throws<DomainException>(() => plan.ProposeRevision("没有改动", plan.Snapshot(), "李红梅", At));
        Assert.Equal("The revision changes nothing.", e.Message);
        plan.ProposeRevision("加课", plan.Snapshot().Select(s => s with { Hours = s.Hours + 1 }).ToList(), "李红梅", At);
        e = Assert.Throws<DomainException>(() => plan.ProposeRevision("再加课", plan.Snapshot().Select(s => s with { Hours = 4 }).ToList(), "陈静", At));
        Assert.Equal("A revision is already waiting for the general manager.", e.Message);
        Assert.Throws<DomainException>(() => plan.RejectRevision(1, "", "王建国", At));
        plan.RejectRevision(1, "预算不足", "王建国", At);
        Assert.Equal(1, plan.Version);
        Assert.All(plan.Items, i => Assert.Equal(2m, i.Hours));
        Assert.Throws<DomainException>(() => plan.ApproveRevision(1, new Dictionary<int, Team>(), new Dictionary<int, Employee>(), "王建国", At));
    }

    [Fact]
    public void Only_an_issued_plan_is_revised_and_a_revision_cannot_name_an_unknown_item()
    {
        var (draft, _) = Draft();
        Assert.Throws<DomainException>(() => draft.ProposeRevision("改", draft.Snapshot(), "陈静", At));
        var c = new Center();
        var plan = Issued(c);
        var e = Assert.Throws<DomainException>(() => plan.ProposeRevision("改", plan.Snapshot().Select(s => s with { Key = 42 }).ToList(), "陈静", At));
        Assert.Equal("A revised item names an item the plan does not have.", e.Message);
        Assert.Throws<DomainException>(() => plan.ProposeRevision("改", [], "陈静", At));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(40.5)]
    public void Hours_must_be_more_than_0_and_at_most_40(double hours)
    {
        var c = new Center();
        var problems = PlanItemRules.Problems(Spec(c.Trainer, hours: (decimal)hours), "2026-11", c.Inbound.Id, null, 40, c.Trainer);
        Assert.Contains(problems, p => p.Field == "Hours" && p.Message == "Hours must be more than 0 and at most 40.");
    }

    [Fact]
    public void The_headcount_may_not_exceed_the_audience()
    {
        var c = new Center();
        var problems = PlanItemRules.Problems(Spec(c.Trainer, headcount: 41), "2026-11", c.Inbound.Id, null, 40, c.Trainer);
        var p = Assert.Single(problems);
        Assert.Equal("Headcount", p.Field);
        Assert.Equal([41, 40], p.Args);
        Assert.Empty(PlanItemRules.Problems(Spec(c.Trainer, headcount: 40), "2026-11", c.Inbound.Id, null, 40, c.Trainer));
        Assert.Contains(PlanItemRules.Problems(Spec(c.Trainer, headcount: 0), "2026-11", c.Inbound.Id, null, 40, c.Trainer), x => x.Message == "The headcount must be at least 1.");
    }

    [Fact]
    public void The_owner_must_be_someone_of_the_plans_department()
    {
        var c = new Center();
        var problems = PlanItemRules.Problems(Spec(c.Stranger), "2026-11", c.Inbound.Id, null, 40, c.Stranger);
        Assert.Equal("The owner must be someone of the plan's department.", Assert.Single(problems).Message);
        var plan = new TrainingPlan(c.Inbound, "2026-11", "陈静", At);
        Assert.Throws<DomainException>(() => plan.AddItem(Spec(c.Stranger), null, c.Stranger, 40));
        Assert.Empty(plan.Items);
    }

    [Fact]
    public void The_date_falls_within_the_plans_month_and_a_team_of_another_department_is_refused()
    {
        var c = new Center();
        var late = PlanItemRules.Problems(Spec(c.Trainer, date: new DateOnly(2026, 12, 1)), "2026-11", c.Inbound.Id, null, 40, c.Trainer);
        Assert.Equal("Date", Assert.Single(late).Field);
        var otherTeam = WithId(new Team(c.Outbound, "回访一组"), 21);
        var problems = PlanItemRules.Problems(Spec(c.Trainer) with { TeamId = 21 }, "2026-11", c.Inbound.Id, otherTeam, 40, c.Trainer);
        Assert.Equal("The team belongs to another department.", Assert.Single(problems).Message);
    }

    [Fact]
    public void Progress_is_tracked_once_the_plan_is_approved_without_a_revision()
    {
        var (plan, _) = Draft();
        Assert.Throws<DomainException>(() => plan.SetProgress(plan.Items[0], ItemProgress.Delivered));
        plan.Submit("陈静", At);
        plan.Approve("李红梅", At);
        plan.Issue("陈静", At);
        plan.SetProgress(plan.Items[0], ItemProgress.Delivered);
        Assert.Equal(ItemProgress.Delivered, plan.Items[0].Progress);
        Assert.Equal(1, plan.Version);
    }
}
