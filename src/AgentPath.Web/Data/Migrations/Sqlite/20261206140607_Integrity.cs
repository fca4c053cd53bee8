using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentPath.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Integrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StageEvents_GateResultId",
                table: "StageEvents");

            migrationBuilder.DropIndex(
                name: "IX_ItemGrades_AttemptItemId",
                table: "ItemGrades");

            migrationBuilder.DropIndex(
                name: "IX_HomeworkGrades_SubmissionId",
                table: "HomeworkGrades");

            migrationBuilder.DropIndex(
                name: "IX_GateResults_EmployeeId_Stage_Sitting",
                table: "GateResults");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_CalibrationSessionId",
                table: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_GateResultId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_AttemptResults_AttemptId",
                table: "AttemptResults");

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "TrainingPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "TrainingNeeds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Scorecards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "RetrainingTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "PlanRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "NeedsSurveys",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "MonthlyReviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "HomeworkSubmissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "GateResults",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Evaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Employees",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Cohorts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Certificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "CalibrationSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SignInLocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Wrong = table.Column<int>(type: "INTEGER", nullable: false),
                    LastWrongAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UnlockedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnlockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInLocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInLocks_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignInLocks_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StageEvents_GateResultId",
                table: "StageEvents",
                column: "GateResultId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItemGrades_OneFirst",
                table: "ItemGrades",
                column: "AttemptItemId",
                unique: true,
                filter: "\"SupersedesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ItemGrades_SupersedesId",
                table: "ItemGrades",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkGrades_OneFirst",
                table: "HomeworkGrades",
                column: "SubmissionId",
                unique: true,
                filter: "\"SupersedesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkGrades_SupersedesId",
                table: "HomeworkGrades",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GateResults_EmployeeId_Stage_Round_Sitting",
                table: "GateResults",
                columns: new[] { "EmployeeId", "Stage", "Round", "Sitting" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_CalibrationSessionId_InspectorUserId",
                table: "Evaluations",
                columns: new[] { "CalibrationSessionId", "InspectorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_OneOpenDraft",
                table: "Evaluations",
                columns: new[] { "RecordingId", "ScorecardVersionId", "InspectorUserId" },
                unique: true,
                filter: "\"Status\" = 'Draft' AND \"CalibrationSessionId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_GateResultId",
                table: "Certificates",
                column: "GateResultId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttemptResults_OneFirst",
                table: "AttemptResults",
                column: "AttemptId",
                unique: true,
                filter: "\"SupersedesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AttemptResults_SupersedesId",
                table: "AttemptResults",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInLocks_EmployeeId",
                table: "SignInLocks",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_SignInLocks_SessionId_EmployeeId",
                table: "SignInLocks",
                columns: new[] { "SessionId", "EmployeeId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInLocks");

            migrationBuilder.DropIndex(
                name: "IX_StageEvents_GateResultId",
                table: "StageEvents");

            migrationBuilder.DropIndex(
                name: "IX_ItemGrades_OneFirst",
                table: "ItemGrades");

            migrationBuilder.DropIndex(
                name: "IX_ItemGrades_SupersedesId",
                table: "ItemGrades");

            migrationBuilder.DropIndex(
                name: "IX_HomeworkGrades_OneFirst",
                table: "HomeworkGrades");

            migrationBuilder.DropIndex(
                name: "IX_HomeworkGrades_SupersedesId",
                table: "HomeworkGrades");

            migrationBuilder.DropIndex(
                name: "IX_GateResults_EmployeeId_Stage_Round_Sitting",
                table: "GateResults");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_CalibrationSessionId_InspectorUserId",
                table: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_OneOpenDraft",
                table: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_GateResultId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_AttemptResults_OneFirst",
                table: "AttemptResults");

            migrationBuilder.DropIndex(
                name: "IX_AttemptResults_SupersedesId",
                table: "AttemptResults");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "TrainingPlans");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "TrainingNeeds");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Scorecards");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "RetrainingTasks");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "PlanRevisions");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "NeedsSurveys");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "MonthlyReviews");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "HomeworkSubmissions");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "GateResults");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Employees");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Cohorts");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "CalibrationSessions");

            migrationBuilder.CreateIndex(
                name: "IX_StageEvents_GateResultId",
                table: "StageEvents",
                column: "GateResultId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemGrades_AttemptItemId",
                table: "ItemGrades",
                column: "AttemptItemId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkGrades_SubmissionId",
                table: "HomeworkGrades",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateResults_EmployeeId_Stage_Sitting",
                table: "GateResults",
                columns: new[] { "EmployeeId", "Stage", "Sitting" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_CalibrationSessionId",
                table: "Evaluations",
                column: "CalibrationSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_GateResultId",
                table: "Certificates",
                column: "GateResultId");

            migrationBuilder.CreateIndex(
                name: "IX_AttemptResults_AttemptId",
                table: "AttemptResults",
                column: "AttemptId");
        }
    }
}
