using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RunTheWeek : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OpeningHours",
                table: "Venues",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "DriverId",
                table: "Sessions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondWorkerId",
                table: "Sessions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Features",
                table: "Rooms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SuitsFromAge",
                table: "Rooms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SuitsToAge",
                table: "Rooms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkersNeeded",
                table: "Arrangements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "RotaPins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    WorkerIds = table.Column<string>(type: "TEXT", nullable: false),
                    PinnedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PinnedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RotaPins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RotaRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    AllowMoreChanges = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ElapsedSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Objective = table.Column<long>(type: "INTEGER", nullable: true),
                    Bound = table.Column<long>(type: "INTEGER", nullable: true),
                    Placed = table.Column<int>(type: "INTEGER", nullable: true),
                    SessionCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RotaRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionApprovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarerHouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionApprovals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VenueClosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VenueClosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VenueClosures_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkerLeave",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerLeave", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkerProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    Skills = table.Column<int>(type: "INTEGER", nullable: false),
                    BasePostcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    MaxHoursPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerProfiles", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_SecondWorkerId_Date",
                table: "Sessions",
                columns: new[] { "SecondWorkerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_RotaPins_AreaId_WeekStart",
                table: "RotaPins",
                columns: new[] { "AreaId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_RotaPins_SessionId",
                table: "RotaPins",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RotaRuns_ActiveKey",
                table: "RotaRuns",
                column: "ActiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RotaRuns_AreaId_WeekStart_RequestedAt",
                table: "RotaRuns",
                columns: new[] { "AreaId", "WeekStart", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionApprovals_ChildId",
                table: "SupervisionApprovals",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_VenueClosures_VenueId_From",
                table: "VenueClosures",
                columns: new[] { "VenueId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkerLeave_UserId_From",
                table: "WorkerLeave",
                columns: new[] { "UserId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RotaPins");

            migrationBuilder.DropTable(
                name: "RotaRuns");

            migrationBuilder.DropTable(
                name: "SupervisionApprovals");

            migrationBuilder.DropTable(
                name: "VenueClosures");

            migrationBuilder.DropTable(
                name: "WorkerLeave");

            migrationBuilder.DropTable(
                name: "WorkerProfiles");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_SecondWorkerId_Date",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "OpeningHours",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "DriverId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SecondWorkerId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Features",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "SuitsFromAge",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "SuitsToAge",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "WorkersNeeded",
                table: "Arrangements");
        }
    }
}
