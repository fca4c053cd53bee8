using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.People;

/// <summary>
/// A person of the call center (员工): agent, lead, trainer or manager. Their <see cref="Stage"/>
/// says where they stand on the path from induction to regular employee.
/// </summary>
public sealed class Employee : IAudited
{
    public const int NumberMax = 32;
    public const int NameMax = 64;
    public const int PhoneMax = 32;

    public int Id { get; private set; }

    /// <summary>工号 — the employee number, unique in the center; kept in upper case so "gz1" and "GZ1" are one number.</summary>
    public string EmployeeNumber { get; private set; } = "";

    /// <summary>姓名 — any Unicode, including characters outside the BMP such as 𠮷.</summary>
    public string Name { get; private set; } = "";

    public string? Phone { get; private set; }

    /// <summary>入职日期.</summary>
    public DateOnly HireDate { get; private set; }

    public int DepartmentId { get; private set; }
    public Department Department { get; private set; } = null!;

    /// <summary>The team the person works in; people outside the floor (HR, trainers) may have none.</summary>
    public int? TeamId { get; private set; }
    public Team? Team { get; private set; }

    /// <summary>Stage on the path (SPEC R1.1). Set at hire; later changed only by the pipeline's stage events.</summary>
    public Stage Stage { get; private set; }

    /// <summary>服务等级 — tiered service level (SPEC R4.2), 1 upwards; none before probation.</summary>
    public int? ServiceLevel { get; private set; }

    /// <summary>岗位 — the posts the person holds.</summary>
    public List<Post> Posts { get; private set; } = [];

    private Employee() { }

    public Employee(string employeeNumber, string name, DateOnly hireDate, Department department, Team? team, Stage stage)
    {
        EmployeeNumber = NormalizeNumber(RequireText(employeeNumber, NumberMax, "Employee number"));
        Stage = stage;
        HireDate = hireDate;
        UpdateDetails(name, Phone, ServiceLevel);
        Place(department, team);
    }

    public void UpdateDetails(string name, string? phone, int? serviceLevel)
    {
        Name = RequireText(name, NameMax, "Name");
        var p = phone?.Trim();
        if (p is { Length: > PhoneMax })
        {
            throw new DomainException("Phone is too long.");
        }

        Phone = string.IsNullOrEmpty(p) ? null : p;
        if (serviceLevel is < 1 or > 9)
        {
            throw new DomainException("Service level must be between 1 and 9.");
        }

        ServiceLevel = serviceLevel;
    }

    /// <summary>Corrects the hire date recorded for the person (a data-entry fix, audited).</summary>
    public void CorrectHireDate(DateOnly hireDate) => HireDate = hireDate;

    /// <summary>Places the person in a department and, optionally, one of its teams.</summary>
    public void Place(Department department, Team? team)
    {
        if (team is not null && !InDepartment(team, department))
        {
            throw new DomainException("The team belongs to another department.");
        }

        Department = department;
        DepartmentId = department.Id;
        Team = team;
        TeamId = team?.Id;
    }

    public static string NormalizeNumber(string number) => number.Trim().ToUpperInvariant();

    private static bool InDepartment(Team team, Department department) =>
        team.Department is { } d
            ? ReferenceEquals(d, department) || (d.Id != 0 && d.Id == department.Id)
            : team.DepartmentId == department.Id;

    public void SetPosts(IEnumerable<Post> posts)
    {
        Posts.Clear();
        Posts.AddRange(posts.DistinctBy(p => p.Id));
    }

    private static string RequireText(string value, int max, string what)
    {
        var v = (value ?? "").Trim();
        if (v.Length == 0)
        {
            throw new DomainException($"{what} is required.");
        }

        if (v.Length > max)
        {
            throw new DomainException($"{what} is too long.");
        }

        return v;
    }
}

/// <summary>岗位 — a post a person can hold: agent, team lead, skill lead, QA, trainer… (SPEC R4.3).</summary>
public sealed class Post : IAudited
{
    public const int CodeMax = 32;
    public const int NameMax = 64;

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    private Post() { }

    public Post(string code, string name, string nameEn)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
    }

    public string DisplayName(bool chinese) => chinese ? Name : NameEn;
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.Property(x => x.EmployeeNumber).HasMaxLength(Employee.NumberMax);
        b.HasIndex(x => x.EmployeeNumber).IsUnique();
        b.Property(x => x.Name).HasMaxLength(Employee.NameMax);
        b.HasIndex(x => x.Name);
        b.Property(x => x.Phone).HasMaxLength(Employee.PhoneMax);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.Stage);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Posts).WithMany().UsingEntity("EmployeePost");
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(x => x.Code).HasMaxLength(Post.CodeMax);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(Post.NameMax);
        b.Property(x => x.NameEn).HasMaxLength(Post.NameMax);
    }
}
