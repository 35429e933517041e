using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingTracker.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ItemVotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "VoteAbstained",
                table: "Items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VoteAgainst",
                table: "Items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VoteFor",
                table: "Items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoteOutcome",
                table: "Items",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoteQuestion",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoteResultsStatement",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoteVoters",
                table: "Items",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VoteAbstained",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "VoteAgainst",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "VoteFor",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "VoteOutcome",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "VoteQuestion",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "VoteResultsStatement",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "VoteVoters",
                table: "Items");
        }
    }
}
