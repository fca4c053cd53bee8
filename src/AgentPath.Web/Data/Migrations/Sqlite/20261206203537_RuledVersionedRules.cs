using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentPath.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RuledVersionedRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangeNote",
                table: "WorkStandardTemplates",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "WorkStandardTemplates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "WorkStandardTemplates",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InForceFrom",
                table: "WorkStandardTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousId",
                table: "WorkStandardTemplates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetireNote",
                table: "WorkStandardTemplates",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "WorkStandardTemplates",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "WorkStandardTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "WorkStandardTemplates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "WorkStandardTemplates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "SamplingPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ChangeNote",
                table: "PostChecklistItems",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "PostChecklistItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "PostChecklistItems",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousId",
                table: "PostChecklistItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetireNote",
                table: "PostChecklistItems",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetiredAt",
                table: "PostChecklistItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "PostChecklistItems",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "PostChecklistItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "PostChecklistItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ChangeNote",
                table: "PointsRules",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "PointsRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "PointsRules",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousId",
                table: "PointsRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetireNote",
                table: "PointsRules",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "PointsRules",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "PointsRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SupersededAt",
                table: "PointsRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "PointsRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_WorkStandardTemplates_PreviousId",
                table: "WorkStandardTemplates",
                column: "PreviousId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostChecklistItems_PreviousId",
                table: "PostChecklistItems",
                column: "PreviousId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsRules_Kind_SupersededAt",
                table: "PointsRules",
                columns: new[] { "Kind", "SupersededAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsRules_PreviousId",
                table: "PointsRules",
                column: "PreviousId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PointsRules_PointsRules_PreviousId",
                table: "PointsRules",
                column: "PreviousId",
                principalTable: "PointsRules",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PostChecklistItems_PostChecklistItems_PreviousId",
                table: "PostChecklistItems",
                column: "PreviousId",
                principalTable: "PostChecklistItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkStandardTemplates_WorkStandardTemplates_PreviousId",
                table: "WorkStandardTemplates",
                column: "PreviousId",
                principalTable: "WorkStandardTemplates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PointsRules_PointsRules_PreviousId",
                table: "PointsRules");

            migrationBuilder.DropForeignKey(
                name: "FK_PostChecklistItems_PostChecklistItems_PreviousId",
                table: "PostChecklistItems");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkStandardTemplates_WorkStandardTemplates_PreviousId",
                table: "WorkStandardTemplates");

            migrationBuilder.DropIndex(
                name: "IX_WorkStandardTemplates_PreviousId",
                table: "WorkStandardTemplates");

            migrationBuilder.DropIndex(
                name: "IX_PostChecklistItems_PreviousId",
                table: "PostChecklistItems");

            migrationBuilder.DropIndex(
                name: "IX_PointsRules_Kind_SupersededAt",
                table: "PointsRules");

            migrationBuilder.DropIndex(
                name: "IX_PointsRules_PreviousId",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "ChangeNote",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "InForceFrom",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "PreviousId",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "RetireNote",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "WorkStandardTemplates");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "SamplingPlans");

            migrationBuilder.DropColumn(
                name: "ChangeNote",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "PreviousId",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "RetireNote",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PostChecklistItems");

            migrationBuilder.DropColumn(
                name: "ChangeNote",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "PreviousId",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "RetireNote",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "PointsRules");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PointsRules");
        }
    }
}
