using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentPath.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Gate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GateDefinitions_Stage",
                table: "GateDefinitions");

            migrationBuilder.AddColumn<string>(
                name: "ChangeNote",
                table: "GateDefinitions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "GateDefinitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "GateDefinitions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "GateDefinitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SupersededAt",
                table: "GateDefinitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "GateDefinitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_GateDefinitions_OneCurrent",
                table: "GateDefinitions",
                column: "Stage",
                unique: true,
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GateDefinitions_Stage_Version",
                table: "GateDefinitions",
                columns: new[] { "Stage", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GateDefinitions_OneCurrent",
                table: "GateDefinitions");

            migrationBuilder.DropIndex(
                name: "IX_GateDefinitions_Stage_Version",
                table: "GateDefinitions");

            migrationBuilder.DropColumn(
                name: "ChangeNote",
                table: "GateDefinitions");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "GateDefinitions");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "GateDefinitions");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "GateDefinitions");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "GateDefinitions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "GateDefinitions");

            migrationBuilder.CreateIndex(
                name: "IX_GateDefinitions_Stage",
                table: "GateDefinitions",
                column: "Stage",
                unique: true);
        }
    }
}
