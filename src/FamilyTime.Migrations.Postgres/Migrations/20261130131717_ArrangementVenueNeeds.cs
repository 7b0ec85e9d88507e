using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ArrangementVenueNeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NeedsStepFreeAccess",
                table: "Arrangements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "VenueFixed",
                table: "Arrangements",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NeedsStepFreeAccess",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "VenueFixed",
                table: "Arrangements");
        }
    }
}
