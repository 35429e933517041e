using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>The <c>users</c>, <c>claims</c> and <c>tokens</c> verbs: exit codes, the token alone on the last line.</summary>
public sealed class AccountCommandsTests
{
    [Fact]
    public async Task Users_tokens_and_claims_from_the_command_line()
    {
        using var data = new TempDir();

        var add = CliRunner.RunWithInput("a long enough password\n", "users", "add", "ann@example.org", "--confirmed", "--admin", "--password-stdin", "--data", data.Path);
        var twice = CliRunner.Run("users", "add", "ann@example.org", "--data", data.Path);
        var shortPassword = CliRunner.RunWithInput("short\n", "users", "add", "bob@example.org", "--password-stdin", "--data", data.Path);
        var token = CliRunner.Run("tokens", "create", "ann@example.org", "--name", "ci", "--expires-days", "30", "--data", data.Path);
        var sameName = CliRunner.Run("tokens", "create", "ann@example.org", "--name", "ci", "--data", data.Path);
        var unknownNick = CliRunner.Run("claims", "approve", "nobody", "ann@example.org", "--data", data.Path);
        var disable = CliRunner.Run("users", "disable", "ann@example.org", "--data", data.Path);
        var list = CliRunner.Run("users", "list", "--data", data.Path);
        var revoke = CliRunner.Run("tokens", "revoke", "ann@example.org", "ci", "--data", data.Path);
        var revokeAgain = CliRunner.Run("tokens", "revoke", "ann@example.org", "ci", "--data", data.Path);
        var usage = CliRunner.Run("tokens", "create", "--data", data.Path);

        Assert.Equal(0, add.Exit);
        Assert.Contains("MeetingTracker__Admins__0=ann@example.org", add.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, twice.Exit);
        Assert.Equal(1, shortPassword.Exit);
        Assert.Equal(0, token.Exit);
        var secret = token.Stdout.TrimEnd().Split('\n')[^1].TrimEnd('\r');
        Assert.True(AccessTokens.LooksLikeToken(secret), secret);
        Assert.Equal(1, sameName.Exit);
        Assert.Equal(1, unknownNick.Exit);
        Assert.Contains("no person uses the nick 'nobody'", unknownNick.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, disable.Exit);
        Assert.Contains("ann@example.org\tann\tconfirmed\tdisabled", list.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, revoke.Exit);
        Assert.Equal(1, revokeAgain.Exit);
        Assert.Equal(2, usage.Exit);

        await using (var db = TestDatabase.Open(data.Path))
        {
            var row = await db.AccessTokens.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(AccessTokens.Hash(secret), row.Hash);
            Assert.NotNull(row.RevokedAt);
            var ann = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
            Assert.NotNull(ann.PasswordHash);
            Assert.True(ann.LockoutEnd > DateTimeOffset.MaxValue.AddYears(-1));
            Assert.NotNull(ann.DisabledAt);
        }

        SqliteConnection.ClearAllPools();
    }
}
