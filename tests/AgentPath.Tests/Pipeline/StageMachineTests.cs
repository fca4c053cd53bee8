using AgentPath.Web.Data;
using AgentPath.Web.Features.People;

namespace AgentPath.Tests.Pipeline;

/// <summary>The stage machine on <see cref="Employee"/>: every legal move and every illegal one (SPEC R1).</summary>
public class StageMachineTests
{
    private static readonly DateOnly Hired = new(2026, 9, 1);
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Site Site = new("广州职场");
    private static readonly Department Dept = new(Site, "咨询热线部");
    private static readonly Team Team = new(Dept, "咨询一组");

    private static Employee Person(Stage stage, bool withTeam = true) =>
        new("GZ1", "张伟", Hired, Dept, withTeam ? Team : null, stage);

    public static TheoryData<Stage, Stage> NextStages => new()
    {
        { Stage.Induction, Stage.Apprenticeship },
        { Stage.Apprenticeship, Stage.Probation },
        { Stage.Probation, Stage.Regular },
    };

    [Theory]
    [MemberData(nameof(NextStages))]
    public void A_passed_gate_moves_the_person_to_the_next_stage(Stage from, Stage to)
    {
        var e = Person(from);
        var change = e.Promote(to, gatePassed: true, Today, Today);
        Assert.Equal(new StageChange(from, to, StageChangeKind.Promotion, Today), change);
        Assert.Equal(to, e.Stage);
        Assert.Equal(Today, e.StageStart);
    }

    public static TheoryData<Stage, Stage> NotNext()
    {
        var data = new TheoryData<Stage, Stage>();
        foreach (var from in new[] { Stage.Induction, Stage.Apprenticeship, Stage.Probation })
        {
            foreach (var to in Stages.All.Where(t => t != Employee.NextStage(from)))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NotNext))]
    public void A_promotion_to_anything_but_the_next_stage_is_refused(Stage from, Stage to)
    {
        var e = Person(from);
        var ex = Assert.Throws<DomainException>(() => e.Promote(to, gatePassed: true, Today, Today));
        Assert.Equal("A stage cannot be skipped or gone back to: only the next stage may follow.", ex.Message);
        Assert.Equal(from, e.Stage);
    }

    [Fact]
    public void Apprentice_cannot_skip_to_regular()
    {
        var e = Person(Stage.Apprenticeship);
        Assert.Throws<DomainException>(() => e.Promote(Stage.Regular, true, Today, Today));
        Assert.Equal(Stage.Apprenticeship, e.Stage);
    }

    [Theory]
    [InlineData(Stage.Induction)]
    [InlineData(Stage.Apprenticeship)]
    [InlineData(Stage.Probation)]
    public void A_failed_gate_cannot_be_passed_without_a_retake(Stage from)
    {
        var e = Person(from);
        var ex = Assert.Throws<DomainException>(() => e.Promote(Employee.NextStage(from)!.Value, gatePassed: false, Today, Today));
        Assert.Equal("The gate of this stage has not been passed; a failed gate needs a passed retake first.", ex.Message);
    }

    [Fact]
    public void A_regular_employee_has_no_further_stage()
    {
        var ex = Assert.Throws<DomainException>(() => Person(Stage.Regular).Promote(Stage.Regular, true, Today, Today));
        Assert.Equal("A regular employee has no further stage.", ex.Message);
    }

    [Fact]
    public void An_apprentice_needs_a_team()
    {
        var e = Person(Stage.Induction, withTeam: false);
        var ex = Assert.Throws<DomainException>(() => e.Promote(Stage.Apprenticeship, true, Today, Today));
        Assert.Equal("An apprentice must be assigned to a team first.", ex.Message);
        e.Place(Dept, Team);
        e.Promote(Stage.Apprenticeship, true, Today, Today);
        Assert.Equal(Stage.Apprenticeship, e.Stage);
    }

    [Theory]
    [InlineData(Stage.Induction)]
    [InlineData(Stage.Apprenticeship)]
    [InlineData(Stage.Probation)]
    public void Each_of_the_three_eliminations_ends_the_path(Stage from)
    {
        var e = Person(from);
        var change = e.Eliminate(Today, Today);
        Assert.Equal(new StageChange(from, Stage.Eliminated, StageChangeKind.Elimination, Today), change);
        Assert.Equal(Stage.Eliminated, e.Stage);
    }

    [Fact]
    public void A_regular_employee_is_not_eliminated_at_a_gate()
    {
        var ex = Assert.Throws<DomainException>(() => Person(Stage.Regular).Eliminate(Today, Today));
        Assert.Equal("A regular employee is not eliminated at a gate; record a departure instead.", ex.Message);
    }

    [Theory]
    [InlineData(Stage.Induction)]
    [InlineData(Stage.Apprenticeship)]
    [InlineData(Stage.Probation)]
    [InlineData(Stage.Regular)]
    public void Anyone_on_the_path_may_leave(Stage from)
    {
        var e = Person(from);
        Assert.Equal(StageChangeKind.Departure, e.Leave(Today, Today).Kind);
        Assert.Equal(Stage.Left, e.Stage);
    }

    [Theory]
    [InlineData(Stage.Eliminated, "No change after elimination except a documented reinstatement by HR.")]
    [InlineData(Stage.Left, "No change after leaving except a documented reinstatement by HR.")]
    public void Nothing_changes_after_elimination_or_leaving(Stage terminal, string message)
    {
        var e = Person(terminal);
        Assert.Equal(message, Assert.Throws<DomainException>(() => e.Promote(Stage.Apprenticeship, true, Today, Today)).Message);
        Assert.Equal(message, Assert.Throws<DomainException>(() => e.Promote(Stage.Regular, true, Today, Today)).Message);
        Assert.Equal(message, Assert.Throws<DomainException>(() => e.Eliminate(Today, Today)).Message);
        Assert.Equal(message, Assert.Throws<DomainException>(() => e.Leave(Today, Today)).Message);
        Assert.Equal(terminal, e.Stage);
    }

    [Theory]
    [InlineData(Stage.Eliminated, Stage.Apprenticeship, Stage.Apprenticeship)]
    [InlineData(Stage.Eliminated, Stage.Probation, Stage.Apprenticeship)]
    [InlineData(Stage.Left, Stage.Regular, Stage.Regular)]
    [InlineData(Stage.Left, Stage.Probation, Stage.Induction)]
    public void HR_reinstates_to_the_stage_left_from_or_an_earlier_one(Stage terminal, Stage leftFrom, Stage to)
    {
        var e = Person(terminal);
        var change = e.Reinstate(to, leftFrom, "人事决定 2026-18号", Today, Today);
        Assert.Equal(new StageChange(terminal, to, StageChangeKind.Reinstatement, Today), change);
        Assert.Equal(to, e.Stage);
    }

    [Fact]
    public void A_reinstatement_cannot_go_beyond_the_stage_left_from()
    {
        var ex = Assert.Throws<DomainException>(() => Person(Stage.Eliminated).Reinstate(Stage.Regular, Stage.Probation, "人事决定", Today, Today));
        Assert.Equal("A reinstatement returns the person to the stage they left from or an earlier one.", ex.Message);
        Assert.Throws<DomainException>(() => Person(Stage.Eliminated).Reinstate(Stage.Left, Stage.Probation, "人事决定", Today, Today));
    }

    [Fact]
    public void A_reinstatement_needs_its_document()
    {
        var ex = Assert.Throws<DomainException>(() => Person(Stage.Eliminated).Reinstate(Stage.Induction, Stage.Induction, "  ", Today, Today));
        Assert.Equal("A reinstatement needs the reference of its document.", ex.Message);
    }

    [Theory]
    [InlineData(Stage.Induction)]
    [InlineData(Stage.Apprenticeship)]
    [InlineData(Stage.Probation)]
    [InlineData(Stage.Regular)]
    public void Only_someone_off_the_path_can_be_reinstated(Stage stage)
    {
        var ex = Assert.Throws<DomainException>(() => Person(stage).Reinstate(Stage.Induction, Stage.Induction, "人事决定", Today, Today));
        Assert.Equal("Only an eliminated person or one who has left can be reinstated.", ex.Message);
    }

    [Fact]
    public void A_stage_change_in_the_future_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => Person(Stage.Induction).Promote(Stage.Apprenticeship, true, Today.AddDays(1), Today));
        Assert.Equal("The date of a stage change cannot be in the future.", ex.Message);
    }

    [Fact]
    public void A_stage_change_before_the_hire_date_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => Person(Stage.Induction).Eliminate(Hired.AddDays(-1), Today));
        Assert.Equal("The date of a stage change cannot be before the hire date.", ex.Message);
    }

    [Fact]
    public void A_stage_change_before_the_current_stage_began_is_refused()
    {
        var e = Person(Stage.Induction);
        e.Promote(Stage.Apprenticeship, true, Hired.AddDays(7), Today);
        var ex = Assert.Throws<DomainException>(() => e.Promote(Stage.Probation, true, Hired.AddDays(6), Today));
        Assert.Equal("The date of a stage change cannot be before the start of the current stage.", ex.Message);
    }

    [Fact]
    public void The_whole_path_from_induction_to_regular()
    {
        var e = Person(Stage.Induction);
        e.Promote(Stage.Apprenticeship, true, Hired.AddDays(7), Today);
        e.Promote(Stage.Probation, true, Hired.AddDays(35), Today);
        e.Promote(Stage.Regular, true, Today, Today);
        Assert.Equal(Stage.Regular, e.Stage);
        Assert.Equal(Today, e.StageStart);
    }
}
