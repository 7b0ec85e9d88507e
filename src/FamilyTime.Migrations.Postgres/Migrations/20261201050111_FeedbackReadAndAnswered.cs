using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackReadAndAnswered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnswerText",
                table: "Feedback",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnsweredAt",
                table: "Feedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredById",
                table: "Feedback",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredHow",
                table: "Feedback",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReadAt",
                table: "Feedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadById",
                table: "Feedback",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Feedback",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "New");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Feedback",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ById",
                table: "Feedback",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_RoutedToUserId_State",
                table: "Feedback",
                columns: new[] { "RoutedToUserId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_ById",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_RoutedToUserId_State",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "AnswerText",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "AnsweredById",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "AnsweredHow",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "ReadById",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Feedback");
        }
    }
}
