// Adds an EF Core migration for TrackerDb, as `dotnet ef migrations add NAME` would (the dotnet-ef tool is not on this
// machine's package mirror; ADR 6): dotnet run --project tools/MeetingTracker.Migrations -- add NAME
// `check` exits 1 when the model has changes no migration covers.
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args is not ["add", _] and not ["check"])
{
    Console.Error.WriteLine("usage: add NAME | check");
    return 2;
}

await using var db = new TrackerDb(new DbContextOptionsBuilder<TrackerDb>().UseSqlite("Data Source=:memory:").Options);
if (args[0] == "check")
{
    var pending = db.Database.HasPendingModelChanges();
    Console.WriteLine(pending ? "the model has changes no migration covers" : "migrations cover the model");
    return pending ? 1 : 0;
}

#pragma warning disable EF1001 // dotnet-ef's own way in: the design-time services of the context's provider and assembly.
var assembly = typeof(TrackerDb).Assembly;
var reporter = new Microsoft.EntityFrameworkCore.Design.Internal.OperationReporter(handler: null);
var design = new Microsoft.EntityFrameworkCore.Design.Internal.DesignTimeServicesBuilder(assembly, assembly, reporter, args).Build(db);
#pragma warning restore EF1001
var scaffolder = design.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[1], "MeetingTracker.Core", "Storage.Migrations", "C#");
var project = Path.Combine(FindRepoRoot(), "src", "MeetingTracker.Core");
var files = scaffolder.Save(project, migration, Path.Combine(project, "Storage", "Migrations"));
Console.WriteLine(files.MigrationFile);
return 0;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MeetingTracker.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("run from inside the repository");
}
