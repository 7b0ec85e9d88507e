using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeepBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BookedAt",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlannedRoomId",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "PlannedStart",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlannedSupervisorId",
                table: "Sessions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlannedVenueId",
                table: "Sessions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BookedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "PlannedRoomId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "PlannedStart",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "PlannedSupervisorId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "PlannedVenueId",
                table: "Sessions");
        }
    }
}
