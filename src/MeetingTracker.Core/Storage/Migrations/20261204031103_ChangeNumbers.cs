using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingTracker.Core.Storage.Migrations
{
    /// <summary>
    /// Change numbers instead of the shared Indexed flag (ADR 19): the meetings stored before take number 1 and the
    /// counter starts there, so every node's index (which remembers 0 until it has indexed something) takes them all.
    /// </summary>
    public partial class ChangeNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Meetings_Indexed", table: "Meetings");
            migrationBuilder.DropColumn(name: "Indexed", table: "Meetings");
            migrationBuilder.AddColumn<long>(name: "Change", table: "Meetings", type: "INTEGER", nullable: false, defaultValue: 1L);
            migrationBuilder.CreateIndex(name: "IX_Meetings_Change", table: "Meetings", column: "Change");
            migrationBuilder.CreateTable(
                name: "ChangeCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_ChangeCounters", x => x.Id));
            migrationBuilder.InsertData(table: "ChangeCounters", columns: ["Id", "Value"], values: new object[] { 1, 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "ChangeCounters");
            migrationBuilder.DropIndex(name: "IX_Meetings_Change", table: "Meetings");
            migrationBuilder.DropColumn(name: "Change", table: "Meetings");
            migrationBuilder.AddColumn<bool>(name: "Indexed", table: "Meetings", type: "INTEGER", nullable: false, defaultValue: false);
            migrationBuilder.CreateIndex(name: "IX_Meetings_Indexed", table: "Meetings", column: "Indexed");
        }
    }
}
