using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.People;

/// <summary>
/// A person of the call center (员工): agent, lead, trainer or manager. Their <see cref="Stage"/>
/// says where they stand on the path from induction to regular employee.
/// </summary>
public sealed class Employee : IAudited, IVersioned
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

    /// <summary>Stage on the path (SPEC R1.1). Set at hire; later changed only by the stage machine below
    /// (<see cref="Promote"/>, <see cref="Eliminate"/>, <see cref="Leave"/>, <see cref="Reinstate"/>), each change recorded by the pipeline as a stage event.</summary>
    public Stage Stage { get; private set; }

    /// <summary>The day the person entered their current stage; null means the hire date.</summary>
    public DateOnly? StageSince { get; private set; }

    /// <summary>The day the current stage began (the hire date until the first stage change).</summary>
    public DateOnly StageStart => StageSince ?? HireDate;

    /// <summary>服务等级 — tiered service level (SPEC R4.2), 1 upwards; none before probation.</summary>
    public int? ServiceLevel { get; private set; }

    /// <summary>岗位 — the posts the person holds.</summary>
    public List<Post> Posts { get; private set; } = [];

    /// <summary>
    /// Optimistic concurrency token of the person's record (<see cref="IVersioned"/>): moved by every save
    /// of the person, and by every gate sitting (<see cref="Decided"/>), so of two racing decisions on one
    /// person the second changes nothing and is a 409.
    /// </summary>
    public int RowVersion { get; private set; }

    /// <summary>Marks that a decision on the person's path was taken (a gate sitting without a stage change).</summary>
    public void Decided() => RowVersion++;

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

    /// <summary>
    /// Moves the person to the next stage after the gate of the current one was passed (SPEC R1.2, R1.3):
    /// 实习期 → 见习期 → 试用期 → 正式员工. No skipping, no going back, no passing a failed gate.
    /// An apprentice needs a team (分配上岗), whose lead coaches them.
    /// </summary>
    public StageChange Promote(Stage to, bool gatePassed, DateOnly on, DateOnly today)
    {
        RefuseAfterExit();
        if (Stage == Stage.Regular)
        {
            throw new DomainException("A regular employee has no further stage.");
        }

        if (to != NextStage(Stage))
        {
            throw new DomainException("A stage cannot be skipped or gone back to: only the next stage may follow.");
        }

        if (!gatePassed)
        {
            throw new DomainException("The gate of this stage has not been passed; a failed gate needs a passed retake first.");
        }

        if (to == Stage.Apprenticeship && TeamId is null)
        {
            throw new DomainException("An apprentice must be assigned to a team first.");
        }

        return Change(to, StageChangeKind.Promotion, on, today);
    }

    /// <summary>淘汰 — ends the path at one of the three eliminations (induction, apprenticeship or probation).
    /// A regular employee is never eliminated here: unfitness for the job goes through retraining and an HR decision (SPEC R10.2).</summary>
    public StageChange Eliminate(DateOnly on, DateOnly today)
    {
        RefuseAfterExit();
        if (Stage == Stage.Regular)
        {
            throw new DomainException("A regular employee is not eliminated at a gate; record a departure instead.");
        }

        return Change(Stage.Eliminated, StageChangeKind.Elimination, on, today);
    }

    /// <summary>离职 — the person leaves the company, from any stage still on the path.</summary>
    public StageChange Leave(DateOnly on, DateOnly today)
    {
        RefuseAfterExit();
        return Change(Stage.Left, StageChangeKind.Departure, on, today);
    }

    /// <summary>
    /// The one way back after elimination or departure: a reinstatement decided by HR and documented
    /// (the reference of the decision is required). The person returns to the stage they left from or an earlier one.
    /// </summary>
    public StageChange Reinstate(Stage to, Stage leftFrom, string document, DateOnly on, DateOnly today)
    {
        if (!Stage.IsTerminal())
        {
            throw new DomainException("Only an eliminated person or one who has left can be reinstated.");
        }

        if (string.IsNullOrWhiteSpace(document))
        {
            throw new DomainException("A reinstatement needs the reference of its document.");
        }

        if (to.IsTerminal() || leftFrom.IsTerminal() || to > leftFrom)
        {
            throw new DomainException("A reinstatement returns the person to the stage they left from or an earlier one.");
        }

        return Change(to, StageChangeKind.Reinstatement, on, today);
    }

    /// <summary>Sets the start of the current stage for a person whose history predates the system (imports, demo data).</summary>
    public void CorrectStageSince(DateOnly since)
    {
        if (since < HireDate)
        {
            throw new DomainException("The date of a stage change cannot be before the hire date.");
        }

        StageSince = since;
    }

    /// <summary>The stage that follows on the path, if any.</summary>
    public static Stage? NextStage(Stage s) => s switch
    {
        Stage.Induction => Stage.Apprenticeship,
        Stage.Apprenticeship => Stage.Probation,
        Stage.Probation => Stage.Regular,
        _ => null,
    };

    private void RefuseAfterExit()
    {
        if (Stage == Stage.Eliminated)
        {
            throw new DomainException("No change after elimination except a documented reinstatement by HR.");
        }

        if (Stage == Stage.Left)
        {
            throw new DomainException("No change after leaving except a documented reinstatement by HR.");
        }
    }

    private StageChange Change(Stage to, StageChangeKind kind, DateOnly on, DateOnly today)
    {
        if (on > today)
        {
            throw new DomainException("The date of a stage change cannot be in the future.");
        }

        if (on < HireDate)
        {
            throw new DomainException("The date of a stage change cannot be before the hire date.");
        }

        if (on < StageStart)
        {
            throw new DomainException("The date of a stage change cannot be before the start of the current stage.");
        }

        var change = new StageChange(Stage, to, kind, on);
        Stage = to;
        StageSince = on;
        return change;
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
        b.Ignore(x => x.StageStart);
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
