namespace AgentPath.Web.Features.People;

/// <summary>The nine roles of SPEC "People". A person may hold several.</summary>
public static class Roles
{
    /// <summary>话务员 — takes training and exams, sees own records.</summary>
    public const string Agent = "Agent";
    /// <summary>组长 — coaches apprentices, sees own team(s).</summary>
    public const string TeamLead = "TeamLead";
    /// <summary>呼叫中心主管 — owns induction days 2, 3, 6; sees own department.</summary>
    public const string Supervisor = "Supervisor";
    /// <summary>培训主管 — exams, monthly training, plans; sees everyone.</summary>
    public const string Trainer = "Trainer";
    /// <summary>质检 — samples and scores recordings; sees everyone.</summary>
    public const string QaInspector = "QaInspector";
    /// <summary>行政 / 管理部 — employee records, monthly plan, archive; sees everyone.</summary>
    public const string Hr = "Hr";
    /// <summary>部门经理 — approves plans, appoints assessors; sees own department.</summary>
    public const string DepartmentManager = "DepartmentManager";
    /// <summary>总经理 — approves revisions of approved plans; sees everyone.</summary>
    public const string GeneralManager = "GeneralManager";
    /// <summary>System administrator — users, roles, settings; sees everyone.</summary>
    public const string SystemAdmin = "SystemAdmin";

    public static readonly IReadOnlyList<string> All =
    [
        Agent, TeamLead, Supervisor, Trainer, QaInspector, Hr, DepartmentManager, GeneralManager, SystemAdmin,
    ];

    /// <summary>Roles whose data scope is the whole center.</summary>
    public static readonly IReadOnlySet<string> CenterWide =
        new HashSet<string>(StringComparer.Ordinal) { Trainer, QaInspector, Hr, GeneralManager, SystemAdmin };

    /// <summary>Roles whose data scope is their own department.</summary>
    public static readonly IReadOnlySet<string> DepartmentWide =
        new HashSet<string>(StringComparer.Ordinal) { Supervisor, DepartmentManager };

    /// <summary>Display name key for a role (English; the zh-CN text comes from resources).</summary>
    public static string DisplayKey(string role) => role switch
    {
        Agent => "Agent",
        TeamLead => "Team lead",
        Supervisor => "Supervisor",
        Trainer => "Trainer",
        QaInspector => "QA inspector",
        Hr => "Administration / HR",
        DepartmentManager => "Department manager",
        GeneralManager => "General manager",
        SystemAdmin => "System admin",
        _ => role,
    };
}

/// <summary>Named authorization policies: the write rights of each role.</summary>
public static class Policies
{
    public const string PeopleWrite = "People.Write";
    public const string OrgWrite = "Org.Write";
    public const string RosterImport = "Roster.Import";
    public const string UsersManage = "Users.Manage";
    public const string AuditRead = "Audit.Read";

    /// <summary>Question bank, papers, exams, grading and the paper analysis: trainers (and admins).</summary>
    public const string AssessmentsManage = "Assessments.Manage";

    /// <summary>The points tiers that turn exam scores into pay points: HR, trainers and admins.</summary>
    public const string PointsRules = "Points.Rules";

    /// <summary>Exam results of others, within the data scope: leads, supervisors, managers, trainers, QA, HR.</summary>
    public const string ResultsRead = "Results.Read";

    /// <summary>Register calls and upload their audio (one by one or in bulk): QA, trainers, supervisors, admins.</summary>
    public const string QualityRecord = "Quality.Record";

    /// <summary>Score calls, work the inspector's queue, take part in calibration: QA, team leads, supervisors, trainers.</summary>
    public const string QualityScore = "Quality.Score";

    /// <summary>Scorecards, sampling plans and draws, calibration sessions, settling disputes: QA, supervisors, department managers, admins.</summary>
    public const string QualityManage = "Quality.Manage";

    /// <summary>Turn QA findings into retraining and training needs: QA, trainers, team leads, supervisors, department managers.</summary>
    public const string QualityCoach = "Quality.Coach";

    /// <summary>Record gate results and eliminations: trainers (induction), supervisors and department managers (apprenticeship, probation), within their scope.</summary>
    public const string GateAssess = "Gate.Assess";

    /// <summary>Change the gate definitions (pass mark, weights, minimums, retakes — a new version each time): the training manager (培训主管) and admins.</summary>
    public const string GatesManage = "Gates.Manage";

    /// <summary>Change the work-standard templates new apprenticeships are coached on (a new version each time): the training manager and admins.</summary>
    public const string StandardsManage = "Standards.Manage";

    /// <summary>Change the new-post / transfer checklists (a new version of an item each time): the training manager, supervisors and admins.</summary>
    public const string ChecklistsManage = "Checklists.Manage";

    /// <summary>Documented reinstatement after elimination or departure, and departures: HR.</summary>
    public const string StageHr = "Stage.Hr";

    /// <summary>Cohorts, program templates and their scheduling: trainers and HR.</summary>
    public const string CohortsManage = "Cohorts.Manage";

    /// <summary>Coaching steps and daily evaluations of apprentices: team leads and supervisors, within their scope.</summary>
    public const string Coach = "Coach";

    /// <summary>Training sessions: create, mark attendance, print the sign-in sheet — trainers, HR and supervisors (the owners of induction days); department managers for their R8.6 events only.</summary>
    public const string SessionsManage = "Sessions.Manage";

    /// <summary>Monthly plans, needs, the plan dashboard and the delivery records, within the scope: everyone but agents.</summary>
    public const string PlansRead = "Plans.Read";

    /// <summary>Compile draft plans (items, drafts from needs): HR (管理部) and trainers.</summary>
    public const string PlansCompile = "Plans.Compile";

    /// <summary>Submit a plan to the department manager and issue it once approved: the management department (HR).</summary>
    public const string PlansSubmit = "Plans.Submit";

    /// <summary>Approve a submitted plan or send it back: department managers, for their own department.</summary>
    public const string PlansApprove = "Plans.Approve";

    /// <summary>Propose a revision of an issued plan: HR and the department's manager.</summary>
    public const string PlansRevise = "Plans.Revise";

    /// <summary>Approve or reject a revision of an issued plan: the general manager.</summary>
    public const string PlansRevisionDecide = "Plans.RevisionDecide";

    /// <summary>Report a department's training needs: department managers, supervisors, HR and trainers.</summary>
    public const string NeedsReport = "Needs.Report";

    /// <summary>Needs surveys, monthly review trainings, new-business training and homework: trainers, HR and supervisors.</summary>
    public const string TrainingDeliver = "Training.Deliver";
}
