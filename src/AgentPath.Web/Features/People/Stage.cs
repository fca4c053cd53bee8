namespace AgentPath.Web.Features.People;

/// <summary>
/// Where a person stands on the path from new hire to regular employee (SPEC R1.1).
/// 实习期 → 见习期 → 试用期 → 正式员工; 淘汰 and 离职 end the path.
/// </summary>
public enum Stage
{
    /// <summary>实习期 — pre-job induction, seven days.</summary>
    Induction,
    /// <summary>见习期 — apprenticeship on the floor with a team lead, at most 30 days.</summary>
    Apprenticeship,
    /// <summary>试用期 — probation with on-the-job training.</summary>
    Probation,
    /// <summary>正式员工 — regular employee.</summary>
    Regular,
    /// <summary>淘汰 — eliminated at a gate; terminal.</summary>
    Eliminated,
    /// <summary>离职 — left the company; terminal.</summary>
    Left,
}

public static class Stages
{
    public static readonly IReadOnlyList<Stage> All = Enum.GetValues<Stage>();

    public static bool IsTerminal(this Stage stage) => stage is Stage.Eliminated or Stage.Left;
}

/// <summary>The four kinds of stage change the stage machine allows.</summary>
public enum StageChangeKind
{
    /// <summary>晋级 — to the next stage after a passed gate.</summary>
    Promotion,
    /// <summary>淘汰 — one of the three eliminations.</summary>
    Elimination,
    /// <summary>离职 — left the company.</summary>
    Departure,
    /// <summary>恢复 — back on the path by a documented HR decision.</summary>
    Reinstatement,
}

/// <summary>A stage change the entity accepted; the pipeline records it as a stage event with who, why and the gate result behind it.</summary>
public sealed record StageChange(Stage From, Stage To, StageChangeKind Kind, DateOnly On);
