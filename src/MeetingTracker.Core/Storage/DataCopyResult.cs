using System.Globalization;

namespace MeetingTracker.Core.Storage;

/// <summary>A copy or a check that cannot be done, with the reason for the person who asked (one line).</summary>
public sealed class DataCopyException(string message) : Exception(message);

/// <summary>A table copied: its rows and how long they took.</summary>
public sealed record TableCopied(string Table, long Rows, TimeSpan Elapsed)
{
    public string Line => string.Create(CultureInfo.InvariantCulture, $"copied {Table}: {Rows:N0} rows in {Elapsed.TotalSeconds:0.0} s");
}

/// <summary>A table compared: its rows and checksum on each side (<see cref="TableChecksum"/>).</summary>
public sealed record TableCheck(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Ok => SourceRows == TargetRows && string.Equals(SourceChecksum, TargetChecksum, StringComparison.Ordinal);

    /// <summary>The table's line under <see cref="DataCopyResult.Header"/>: the target's checksum (its first 16 digits), both counts when they differ.</summary>
    public string Line => string.Create(
        CultureInfo.InvariantCulture,
        $"{Table,-22} {(SourceRows == TargetRows ? TargetRows.ToString("N0", CultureInfo.InvariantCulture) : $"{SourceRows:N0}≠{TargetRows:N0}"),12}  {TargetChecksum[..16]}  {(Ok ? "ok" : "DIFFERS")}");
}

/// <summary>What <see cref="DataCopy"/> did: the tables copied (none for a check alone), each compared, the time it took.</summary>
public sealed record DataCopyResult(IReadOnlyList<TableCopied> Tables, IReadOnlyList<TableCheck> Checks, TimeSpan Elapsed)
{
    public static string Header => $"{"table",-22} {"rows",12}  {"checksum",-16}  ok";

    public bool Verified => Checks.All(c => c.Ok);

    public long Rows => Tables.Count > 0 ? Tables.Sum(t => t.Rows) : Checks.Sum(c => c.TargetRows);

    public string Line => Tables.Count > 0
        ? string.Create(CultureInfo.InvariantCulture, $"copied {Tables.Count} tables, {Rows:N0} rows in {Elapsed.TotalSeconds:0.0} s; ")
          + (Verified ? "verified" : $"verification FAILED ({string.Join(", ", Checks.Where(c => !c.Ok).Select(c => c.Table))}): nothing was written")
        : string.Create(CultureInfo.InvariantCulture, $"checked {Checks.Count} tables, {Rows:N0} rows in {Elapsed.TotalSeconds:0.0} s; ")
          + (Verified ? "identical" : $"DIFFERENT: {string.Join(", ", Checks.Where(c => !c.Ok).Select(c => c.Table))}");
}
