using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentPath.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntegritySignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
