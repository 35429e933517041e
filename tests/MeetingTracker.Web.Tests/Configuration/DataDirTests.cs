using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Tests.Configuration;

// The SQLite file's place: on PostgreSQL the database is the server's (the PostgreSQL pass leaves it out, ADR 19).
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class DataDirTests
{
    [Fact]
    public async Task The_database_is_created_in_the_configured_data_folder()
    {
        await using var host = new TrackerHost();
        using var client = host.CreateClient();

        Assert.True(File.Exists(Path.Combine(host.DataDir, StorageSetup.DatabaseFileName)));
        Assert.Equal(host.DataDir, host.Services.GetRequiredService<IOptions<MeetingTrackerOptions>>().Value.DataDir);
    }
}
