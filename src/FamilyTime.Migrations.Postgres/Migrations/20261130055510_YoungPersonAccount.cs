using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class YoungPersonAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "YoungPersonUserId",
                table: "Children",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Children_YoungPersonUserId",
                table: "Children",
                column: "YoungPersonUserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_YoungPersonUserId",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "YoungPersonUserId",
                table: "Children");
        }
    }
}
