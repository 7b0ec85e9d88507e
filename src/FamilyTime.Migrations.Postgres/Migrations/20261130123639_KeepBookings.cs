using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Postgres.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlannedRoomId",
                table: "Sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "PlannedStart",
                table: "Sessions",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlannedSupervisorId",
                table: "Sessions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlannedVenueId",
                table: "Sessions",
                type: "uuid",
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
