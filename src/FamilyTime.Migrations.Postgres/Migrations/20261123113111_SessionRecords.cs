using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SessionRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedById",
                table: "Sessions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeReason",
                table: "Sessions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    RecordVersionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SavedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SavedByName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarerObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Moment = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Sleep = table.Column<int>(type: "integer", nullable: false),
                    Eating = table.Column<int>(type: "integer", nullable: false),
                    Mood = table.Column<int>(type: "integer", nullable: false),
                    Regression = table.Column<int>(type: "integer", nullable: false),
                    Aggression = table.Column<int>(type: "integer", nullable: false),
                    Withdrawal = table.Column<int>(type: "integer", nullable: false),
                    School = table.Column<int>(type: "integer", nullable: false),
                    Words = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarerObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarerObservations_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SocialWorkerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ShareBy = table.Column<DateOnly>(type: "date", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ParentFirstViewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRecords_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactRecords_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    VenueId = table.Column<Guid>(type: "uuid", nullable: true),
                    From = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RoutedToUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ParentReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParentReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParentReplies_ContactRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "ContactRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WrittenById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    WrittenByName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    CorrectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AgeBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ParentArrivedAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    StartedAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    EndedAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    WhoAttended = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Observations = table.Column<List<string>>(type: "text[]", nullable: false),
                    Interaction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Positives = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Concerns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ChildsWords = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EndedEarly = table.Column<bool>(type: "boolean", nullable: false),
                    EndedEarlyReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Debrief = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Analysis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AssessedAttunement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AssessedBoundaries = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AssessedSafety = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AssessedWarmth = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordVersions_ContactRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "ContactRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_SocialWorkerId_Status_Date",
                table: "Sessions",
                columns: new[] { "SocialWorkerId", "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ChildId_PersonId",
                table: "Assessments",
                columns: new[] { "ChildId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_CarerObservations_ChildId",
                table: "CarerObservations",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_CarerObservations_SessionId_Moment",
                table: "CarerObservations",
                columns: new[] { "SessionId", "Moment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_ChildId",
                table: "ContactRecords",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_SessionId",
                table: "ContactRecords",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_SocialWorkerId_Status",
                table: "ContactRecords",
                columns: new[] { "SocialWorkerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ChildId",
                table: "Feedback",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_RoutedToUserId",
                table: "Feedback",
                column: "RoutedToUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_VenueId",
                table: "Feedback",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_ParentReplies_RecordId",
                table: "ParentReplies",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordVersions_RecordId_Number",
                table: "RecordVersions",
                columns: new[] { "RecordId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "CarerObservations");

            migrationBuilder.DropTable(
                name: "Feedback");

            migrationBuilder.DropTable(
                name: "ParentReplies");

            migrationBuilder.DropTable(
                name: "RecordVersions");

            migrationBuilder.DropTable(
                name: "ContactRecords");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_SocialWorkerId_Status_Date",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ClosedById",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "OutcomeReason",
                table: "Sessions");
        }
    }
}
