using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GuidanceMusts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PlanChangeAgreedOn",
                table: "Suspensions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanChangeAgreement",
                table: "Suspensions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Sessions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CarersTookPart",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ChildNotWhy",
                table: "Reviews",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ChildTookPart",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OthersTookPart",
                table: "Reviews",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ParentsTookPart",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SupervisionProgress",
                table: "Reviews",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Occasion",
                table: "PlanDocuments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentBy",
                table: "PlanDocuments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TranslateInto",
                table: "PlanDocuments",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SharedVersion",
                table: "ContactRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "School",
                table: "Children",
                type: "TEXT",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SchoolAddress",
                table: "Children",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Town",
                table: "CarerHouseholds",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TrainedToAssess",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "InterpreterForPersonId",
                table: "Arrangements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Place",
                table: "Arrangements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PlaceDescription",
                table: "Arrangements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RouteToLessSupervision",
                table: "Arrangements",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RouteToLessSupervisionBy",
                table: "Arrangements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SupervisedBy",
                table: "Arrangements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SupervisorName",
                table: "Arrangements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WishesNotAsked",
                table: "Arrangements",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WishesNotAskedWhy",
                table: "Arrangements",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PreContactAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    SavedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SavedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreContactAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreContactAssessments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FactorsMask = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PreContactAssessments_ChildId_Number",
                table: "PreContactAssessments",
                columns: new[] { "ChildId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_ArrangementId",
                table: "RiskAssessments",
                column: "ArrangementId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_ChildId",
                table: "RiskAssessments",
                column: "ChildId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PreContactAssessments");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "PlanChangeAgreedOn",
                table: "Suspensions");

            migrationBuilder.DropColumn(
                name: "PlanChangeAgreement",
                table: "Suspensions");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CarersTookPart",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChildNotWhy",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChildTookPart",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "OthersTookPart",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ParentsTookPart",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "SupervisionProgress",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Occasion",
                table: "PlanDocuments");

            migrationBuilder.DropColumn(
                name: "SentBy",
                table: "PlanDocuments");

            migrationBuilder.DropColumn(
                name: "TranslateInto",
                table: "PlanDocuments");

            migrationBuilder.DropColumn(
                name: "SharedVersion",
                table: "ContactRecords");

            migrationBuilder.DropColumn(
                name: "School",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "SchoolAddress",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "Town",
                table: "CarerHouseholds");

            migrationBuilder.DropColumn(
                name: "TrainedToAssess",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InterpreterForPersonId",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "PlaceDescription",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "RouteToLessSupervision",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "RouteToLessSupervisionBy",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "SupervisedBy",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "SupervisorName",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "WishesNotAsked",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "WishesNotAskedWhy",
                table: "Arrangements");
        }
    }
}
