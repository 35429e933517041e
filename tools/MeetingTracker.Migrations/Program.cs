// Adds an EF Core migration for TrackerDb on each provider, as `dotnet ef migrations add NAME` would (the dotnet-ef tool
// is not on this machine's package mirror; ADR 6): dotnet run --project tools/MeetingTracker.Migrations -- add NAME
// SQLite's go to src/MeetingTracker.Core/Storage/Migrations, PostgreSQL's to src/MeetingTracker.Storage.PostgreSql/
// Migrations (one migrations assembly per provider, ADR 19). `check` exits 1 when the model has changes that a
// provider's migrations do not cover.
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

var root = FindRepoRoot();
(string Name, DatabaseOptions Database, string Project, string Namespace)[] providers =
[
    ("SQLite", new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" }, Path.Combine(root, "src", "MeetingTracker.Core"), "MeetingTracker.Core"),
    ("PostgreSQL", new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=localhost;Database=design" }, Path.Combine(root, "src", StorageSetup.PostgreSqlMigrationsAssembly), StorageSetup.PostgreSqlMigrationsAssembly),
];

var status = 0;
foreach (var (name, database, project, rootNamespace) in providers)
{
    await using var db = StorageSetup.Open(database, Path.GetTempPath());
    if (args[0] == "check")
    {
        var pending = db.Database.HasPendingModelChanges();
        Console.WriteLine($"{name}: " + (pending ? "the model has changes no migration covers" : "migrations cover the model"));
        if (pending) status = 1;
        continue;
    }

    // A provider whose migrations already cover the model gets none (the first PostgreSQL migration came long after
    // SQLite's chain, ADR 19).
    if (!db.Database.HasPendingModelChanges())
    {
        Console.WriteLine($"{name}: migrations cover the model, none added");
        continue;
    }

#pragma warning disable EF1001 // dotnet-ef's own way in: the design-time services of the context's provider and assembly.
    var migrations = database.IsPostgreSql
        ? System.Reflection.Assembly.Load(StorageSetup.PostgreSqlMigrationsAssembly)
        : typeof(TrackerDb).Assembly;
    var reporter = new Microsoft.EntityFrameworkCore.Design.Internal.OperationReporter(handler: null);
    var design = new Microsoft.EntityFrameworkCore.Design.Internal.DesignTimeServicesBuilder(migrations, typeof(TrackerDb).Assembly, reporter, args).Build(db);
#pragma warning restore EF1001
    var scaffolder = design.GetRequiredService<IMigrationsScaffolder>();
    var subFolder = database.IsPostgreSql ? "Migrations" : Path.Combine("Storage", "Migrations");
    var migration = scaffolder.ScaffoldMigration(args[1], rootNamespace, subFolder.Replace(Path.DirectorySeparatorChar, '.'), "C#");
    var files = scaffolder.Save(project, migration, Path.Combine(project, subFolder));
    Console.WriteLine($"{name}: {files.MigrationFile}");
}

return status;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MeetingTracker.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("run from inside the repository");
}
