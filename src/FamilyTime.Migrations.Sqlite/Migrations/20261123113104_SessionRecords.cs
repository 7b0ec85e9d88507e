using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedById",
                table: "Sessions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeReason",
                table: "Sessions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RecordVersionIds = table.Column<string>(type: "TEXT", nullable: false),
                    SavedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SavedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Moment = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Sleep = table.Column<int>(type: "INTEGER", nullable: false),
                    Eating = table.Column<int>(type: "INTEGER", nullable: false),
                    Mood = table.Column<int>(type: "INTEGER", nullable: false),
                    Regression = table.Column<int>(type: "INTEGER", nullable: false),
                    Aggression = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawal = table.Column<int>(type: "INTEGER", nullable: false),
                    School = table.Column<int>(type: "INTEGER", nullable: false),
                    Words = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SocialWorkerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ShareBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ParentFirstViewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RoutedToUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ParentReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WrittenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WrittenByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParentArrivedAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    WhoAttended = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Observations = table.Column<string>(type: "TEXT", nullable: false),
                    Interaction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Positives = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Concerns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChildsWords = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EndedEarly = table.Column<bool>(type: "INTEGER", nullable: false),
                    EndedEarlyReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Debrief = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Analysis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessedAttunement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessedBoundaries = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessedSafety = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessedWarmth = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
