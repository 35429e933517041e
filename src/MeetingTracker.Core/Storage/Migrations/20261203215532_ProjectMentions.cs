using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingTracker.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ProjectMentions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReferencesStamp",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProjectMentions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: true),
                    ItemNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TicketKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Ticket = table.Column<string>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectMentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectMentions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMentions_MeetingId_Line",
                table: "ProjectMentions",
                columns: new[] { "MeetingId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMentions_ProjectKey_Ticket",
                table: "ProjectMentions",
                columns: new[] { "ProjectKey", "Ticket" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectMentions");

            migrationBuilder.DropColumn(
                name: "ReferencesStamp",
                table: "Meetings");
        }
    }
}
