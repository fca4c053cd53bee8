using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.People;

/// <summary>A call-center site (职场): the top of the org tree.</summary>
public sealed class Site : IAudited
{
    public const int NameMax = 64;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public List<Department> Departments { get; private set; } = [];

    private Site() { }

    public Site(string name) => Rename(name);

    public void Rename(string name) => Name = OrgNames.Require(name, NameMax);
}

/// <summary>A department (部门), e.g. the inbound consultation hotline. Supervisors and the
/// department manager see the people of their own department.</summary>
public sealed class Department : IAudited
{
    public const int NameMax = 64;

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public Site Site { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public List<Team> Teams { get; private set; } = [];

    private Department() { }

    public Department(Site site, string name)
    {
        Site = site;
        SiteId = site.Id;
        Rename(name);
    }

    public void Rename(string name) => Name = OrgNames.Require(name, NameMax);
}

/// <summary>A team (班组) led by a team lead (组长), who sees only the people of the teams they lead.</summary>
public sealed class Team : IAudited
{
    public const int NameMax = 64;

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public Department Department { get; private set; } = null!;
    public string Name { get; private set; } = "";

    /// <summary>The team lead (组长). A lead may lead several teams.</summary>
    public int? LeadEmployeeId { get; private set; }
    public Employee? Lead { get; private set; }

    private Team() { }

    public Team(Department department, string name)
    {
        Department = department;
        DepartmentId = department.Id;
        Rename(name);
    }

    public void Rename(string name) => Name = OrgNames.Require(name, NameMax);

    public void SetLead(Employee? lead)
    {
        Lead = lead;
        LeadEmployeeId = lead?.Id;
    }
}

internal static class OrgNames
{
    public static string Require(string name, int max)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("Name is required.");
        }

        if (trimmed.Length > max)
        {
            throw new DomainException("Name is too long.");
        }

        return trimmed;
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.Property(x => x.Name).HasMaxLength(Site.NameMax);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(x => x.Name).HasMaxLength(Department.NameMax);
        b.HasOne(x => x.Site).WithMany(x => x.Departments).HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SiteId, x.Name }).IsUnique();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(x => x.Name).HasMaxLength(Team.NameMax);
        b.HasOne(x => x.Department).WithMany(x => x.Teams).HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Lead).WithMany().HasForeignKey(x => x.LeadEmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.DepartmentId, x.Name }).IsUnique();
    }
}
