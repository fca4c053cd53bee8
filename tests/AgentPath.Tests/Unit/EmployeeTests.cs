using AgentPath.Web.Data;
using AgentPath.Web.Features.People;

namespace AgentPath.Tests.Unit;

public class EmployeeTests
{
    private static readonly Site Site = new("广州职场");
    private static readonly Department Dept = new(Site, "咨询热线部");

    [Fact]
    public void A_name_may_hold_characters_outside_the_basic_plane()
    {
        var e = new Employee("GZ1", "𠮷祥", new DateOnly(2026, 1, 5), Dept, null, Stage.Induction);
        Assert.Equal("𠮷祥", e.Name);
    }

    [Fact]
    public void A_team_of_another_department_is_refused()
    {
        var other = new Department(Site, "回访销售部");
        var team = new Team(other, "回访一组");
        var ex = Assert.Throws<DomainException>(() => new Employee("GZ1", "张伟", new DateOnly(2026, 1, 5), Dept, team, Stage.Regular));
        Assert.Equal("The team belongs to another department.", ex.Message);
    }

    [Fact]
    public void An_empty_name_is_refused() =>
        Assert.Throws<DomainException>(() => new Employee("GZ1", "  ", new DateOnly(2026, 1, 5), Dept, null, Stage.Regular));

    [Fact]
    public void A_service_level_outside_one_to_nine_is_refused()
    {
        var e = new Employee("GZ1", "张伟", new DateOnly(2026, 1, 5), Dept, null, Stage.Regular);
        Assert.Throws<DomainException>(() => e.UpdateDetails("张伟", null, 10));
    }

    [Fact]
    public void Eliminated_and_left_are_the_terminal_stages()
    {
        Assert.Equal([Stage.Eliminated, Stage.Left], Stages.All.Where(s => s.IsTerminal()));
    }
}
