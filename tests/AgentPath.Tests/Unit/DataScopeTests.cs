using AgentPath.Web.Features.People;

namespace AgentPath.Tests.Unit;

public class DataScopeTests
{
    [Fact]
    public void Agent_sees_only_themself()
    {
        var s = DataScope.For([Roles.Agent], employeeId: 7, ownDepartmentId: 2, ledTeamIds: [3]);
        Assert.False(s.Everyone);
        Assert.Equal(7, s.SelfEmployeeId);
        Assert.Empty(s.TeamIds);
        Assert.Empty(s.DepartmentIds);
    }

    [Fact]
    public void Team_lead_sees_the_teams_they_lead()
    {
        var s = DataScope.For([Roles.TeamLead, Roles.Agent], 7, 2, [3, 4, 3]);
        Assert.Equal([3, 4], s.TeamIds);
        Assert.Empty(s.DepartmentIds);
    }

    [Fact]
    public void Leading_no_team_gives_a_lead_only_themself()
    {
        var s = DataScope.For([Roles.TeamLead], 7, 2, []);
        Assert.Empty(s.TeamIds);
        Assert.False(s.Everyone);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DepartmentManager)]
    public void Supervisor_and_department_manager_see_their_department(string role)
    {
        var s = DataScope.For([role], 7, 2, [3]);
        Assert.Equal([2], s.DepartmentIds);
        Assert.Empty(s.TeamIds);
    }

    [Theory]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.QaInspector)]
    [InlineData(Roles.Hr)]
    [InlineData(Roles.GeneralManager)]
    [InlineData(Roles.SystemAdmin)]
    public void Center_wide_roles_see_everyone(string role) =>
        Assert.True(DataScope.For([role], null, null, []).Everyone);

    [Fact]
    public void Several_roles_add_up()
    {
        var s = DataScope.For([Roles.TeamLead, Roles.Supervisor], 7, 2, [9]);
        Assert.Equal([9], s.TeamIds);
        Assert.Equal([2], s.DepartmentIds);
    }

    [Fact]
    public void No_roles_see_only_themself()
    {
        var s = DataScope.For([], 7, 2, [3]);
        Assert.False(s.Everyone);
        Assert.Empty(s.TeamIds);
        Assert.Empty(s.DepartmentIds);
    }
}
