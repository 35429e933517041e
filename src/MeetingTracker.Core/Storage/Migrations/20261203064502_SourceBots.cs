using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingTracker.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SourceBots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SourceBots",
                columns: table => new
                {
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nick = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceBots", x => new { x.SourceId, x.Nick });
                    table.ForeignKey(
                        name: "FK_SourceBots_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourceBots");
        }
    }
}
