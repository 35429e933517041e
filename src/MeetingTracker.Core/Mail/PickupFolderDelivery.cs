using System.Globalization;
using MimeKit;

namespace MeetingTracker.Core.Mail;

/// <summary>
/// Writes each message as one <c>.eml</c> file (<c>{yyyyMMdd-HHmmss}-{id}.eml</c>, sortable and unique): first under a
/// temporary name, then moved, so a reader of the folder never sees half a message.
/// </summary>
public sealed class PickupFolderDelivery(string folder, TimeProvider clock) : IMailDelivery
{
    private static readonly FormatOptions Crlf = CreateFormat();

    public string Folder => folder;

    public string Target => folder;

    public async Task DeliverAsync(OutboxMessage row, MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(message);
        var name = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{row.Id}.eml");
        var temp = Path.Combine(folder, "." + name + ".tmp");
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await message.WriteToAsync(Crlf, file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, Path.Combine(folder, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            DeleteQuietly(temp);
            throw new MailNotSentException($"could not write {name} into {folder}: {e.Message}", e);
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder itself is missing or closed: nothing was left in it.
        }
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
