using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentPath.Web.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<decimal>(
                name: "Score",
                table: "GateResultPart",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(5,1)",
                oldPrecision: 5,
                oldScale: 1);

            migrationBuilder.AddColumn<string>(
                name: "ChangeNote",
                table: "GateDefinitions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChangedAt",
                table: "GateDefinitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "GateDefinitions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "GateDefinitions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SupersededAt",
                table: "GateDefinitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "GateDefinitions",
                type: "integer",
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

            migrationBuilder.AlterColumn<decimal>(
                name: "Score",
                table: "GateResultPart",
                type: "numeric(5,1)",
                precision: 5,
                scale: 1,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(5,2)",
                oldPrecision: 5,
                oldScale: 2);

            migrationBuilder.CreateIndex(
                name: "IX_GateDefinitions_Stage",
                table: "GateDefinitions",
                column: "Stage",
                unique: true);
        }
    }
}
