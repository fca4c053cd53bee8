using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentPath.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Homework",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExamId = table.Column<int>(type: "INTEGER", nullable: true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Homework", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Homework_Exams_ExamId",
                        column: x => x.ExamId,
                        principalTable: "Exams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Homework_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedDetails",
                columns: table => new
                {
                    NeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SkillArea = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    KnowledgeAreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedDetails", x => x.NeedId);
                    table.ForeignKey(
                        name: "FK_NeedDetails_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NeedDetails_KnowledgeAreas_KnowledgeAreaId",
                        column: x => x.KnowledgeAreaId,
                        principalTable: "KnowledgeAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NeedDetails_TrainingNeeds_NeedId",
                        column: x => x.NeedId,
                        principalTable: "TrainingNeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedsSurveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedsSurveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewBusinessTrainings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwningDepartment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CoursewareKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CoursewareName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExamId = table.Column<int>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewBusinessTrainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewBusinessTrainings_Exams_ExamId",
                        column: x => x.ExamId,
                        principalTable: "Exams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextKey = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingPlans_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeworkAudience",
                columns: table => new
                {
                    HomeworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeworkAudience", x => new { x.HomeworkId, x.TeamId });
                    table.ForeignKey(
                        name: "FK_HomeworkAudience_Homework_HomeworkId",
                        column: x => x.HomeworkId,
                        principalTable: "Homework",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HomeworkAudience_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeworkSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HomeworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeworkSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeworkSubmissions_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HomeworkSubmissions_Homework_HomeworkId",
                        column: x => x.HomeworkId,
                        principalTable: "Homework",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAudience",
                columns: table => new
                {
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAudience", x => new { x.SurveyId, x.TeamId });
                    table.ForeignKey(
                        name: "FK_SurveyAudience_NeedsSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "NeedsSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyAudience_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyItem_NeedsSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "NeedsSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_NeedsSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "NeedsSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NewBusinessAudience",
                columns: table => new
                {
                    TrainingId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewBusinessAudience", x => new { x.TrainingId, x.TeamId });
                    table.ForeignKey(
                        name: "FK_NewBusinessAudience_NewBusinessTrainings_TrainingId",
                        column: x => x.TrainingId,
                        principalTable: "NewBusinessTrainings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NewBusinessAudience_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NewBusinessSignOff",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrainingId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewBusinessSignOff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewBusinessSignOff_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NewBusinessSignOff_NewBusinessTrainings_TrainingId",
                        column: x => x.TrainingId,
                        principalTable: "NewBusinessTrainings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    OwnerEmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    KnowledgeAreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    QaDimension = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanItems_Employees_OwnerEmployeeId",
                        column: x => x.OwnerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_KnowledgeAreas_KnowledgeAreaId",
                        column: x => x.KnowledgeAreaId,
                        principalTable: "KnowledgeAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PlanItems_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_TrainingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "TrainingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResultVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanRevisions_TrainingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "TrainingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    RevisionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_TrainingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "TrainingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HomeworkGrades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    SupersedesId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeworkGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeworkGrades_HomeworkSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "HomeworkSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SurveyItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Current = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InstructorEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Content = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CoursewareKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CoursewareName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CoursewareNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExamId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlyReviews_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonthlyReviews_Employees_InstructorEmployeeId",
                        column: x => x.InstructorEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonthlyReviews_Exams_ExamId",
                        column: x => x.ExamId,
                        principalTable: "Exams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonthlyReviews_PlanItems_PlanItemId",
                        column: x => x.PlanItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PlanItemNeeds",
                columns: table => new
                {
                    PlanItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItemNeeds", x => new { x.PlanItemId, x.NeedId });
                    table.ForeignKey(
                        name: "FK_PlanItemNeeds_PlanItems_PlanItemId",
                        column: x => x.PlanItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanItemNeeds_TrainingNeeds_NeedId",
                        column: x => x.NeedId,
                        principalTable: "TrainingNeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanItemSessions",
                columns: table => new
                {
                    PlanItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItemSessions", x => new { x.PlanItemId, x.SessionId });
                    table.ForeignKey(
                        name: "FK_PlanItemSessions_PlanItems_PlanItemId",
                        column: x => x.PlanItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanItemSessions_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyReviewSession",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReviewSession", x => new { x.ReviewId, x.SessionId });
                    table.ForeignKey(
                        name: "FK_MonthlyReviewSession_MonthlyReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "MonthlyReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonthlyReviewSession_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewTask",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewTask_Employees_OwnerEmployeeId",
                        column: x => x.OwnerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewTask_MonthlyReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "MonthlyReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Homework_DueAt",
                table: "Homework",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Homework_ExamId",
                table: "Homework",
                column: "ExamId");

            migrationBuilder.CreateIndex(
                name: "IX_Homework_SessionId",
                table: "Homework",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkAudience_TeamId",
                table: "HomeworkAudience",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkGrades_SubmissionId",
                table: "HomeworkGrades",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkSubmissions_EmployeeId",
                table: "HomeworkSubmissions",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkSubmissions_HomeworkId_EmployeeId",
                table: "HomeworkSubmissions",
                columns: new[] { "HomeworkId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReviews_DepartmentId",
                table: "MonthlyReviews",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReviews_ExamId",
                table: "MonthlyReviews",
                column: "ExamId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReviews_InstructorEmployeeId",
                table: "MonthlyReviews",
                column: "InstructorEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReviews_Month",
                table: "MonthlyReviews",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReviews_PlanItemId",
                table: "MonthlyReviews",
                column: "PlanItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReviewSession_SessionId",
                table: "MonthlyReviewSession",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedDetails_DepartmentId",
                table: "NeedDetails",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedDetails_KnowledgeAreaId",
                table: "NeedDetails",
                column: "KnowledgeAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedsSurveys_Month",
                table: "NeedsSurveys",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_NewBusinessAudience_TeamId",
                table: "NewBusinessAudience",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_NewBusinessSignOff_EmployeeId",
                table: "NewBusinessSignOff",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_NewBusinessSignOff_TrainingId_EmployeeId",
                table: "NewBusinessSignOff",
                columns: new[] { "TrainingId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewBusinessTrainings_ExamId",
                table: "NewBusinessTrainings",
                column: "ExamId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItemNeeds_NeedId",
                table: "PlanItemNeeds",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_KnowledgeAreaId",
                table: "PlanItems",
                column: "KnowledgeAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_OwnerEmployeeId",
                table: "PlanItems",
                column: "OwnerEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_PlanId_Key",
                table: "PlanItems",
                columns: new[] { "PlanId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_TeamId",
                table: "PlanItems",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItemSessions_SessionId",
                table: "PlanItemSessions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRevisions_PlanId_Number",
                table: "PlanRevisions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Number",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTask_OwnerEmployeeId",
                table: "ReviewTask",
                column: "OwnerEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTask_ReviewId_Step",
                table: "ReviewTask",
                columns: new[] { "ReviewId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ItemId",
                table: "SurveyAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId",
                table: "SurveyAnswers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAudience_TeamId",
                table: "SurveyAudience",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItem_SurveyId",
                table: "SurveyItem",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_EmployeeId",
                table: "SurveyResponses",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_EmployeeId",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_TeamId",
                table: "SurveyResponses",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPlans_DepartmentId_Month",
                table: "TrainingPlans",
                columns: new[] { "DepartmentId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPlans_Month",
                table: "TrainingPlans",
                column: "Month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HomeworkAudience");

            migrationBuilder.DropTable(
                name: "HomeworkGrades");

            migrationBuilder.DropTable(
                name: "MonthlyReviewSession");

            migrationBuilder.DropTable(
                name: "NeedDetails");

            migrationBuilder.DropTable(
                name: "NewBusinessAudience");

            migrationBuilder.DropTable(
                name: "NewBusinessSignOff");

            migrationBuilder.DropTable(
                name: "PlanItemNeeds");

            migrationBuilder.DropTable(
                name: "PlanItemSessions");

            migrationBuilder.DropTable(
                name: "PlanRevisions");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropTable(
                name: "ReviewTask");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyAudience");

            migrationBuilder.DropTable(
                name: "HomeworkSubmissions");

            migrationBuilder.DropTable(
                name: "NewBusinessTrainings");

            migrationBuilder.DropTable(
                name: "MonthlyReviews");

            migrationBuilder.DropTable(
                name: "SurveyItem");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "Homework");

            migrationBuilder.DropTable(
                name: "PlanItems");

            migrationBuilder.DropTable(
                name: "NeedsSurveys");

            migrationBuilder.DropTable(
                name: "TrainingPlans");
        }
    }
}
