namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// The part of the web an HTTP source may read: its base URL and the paths below it, on the same scheme, host
/// and port. Paths are relative to the base, made of decoded segments joined by <c>/</c>; a folder ends with <c>/</c>.
/// </summary>
public sealed class SourceScope
{
    public SourceScope(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Not an http(s) URL: {baseUri}", nameof(baseUri));
        }

        var builder = new UriBuilder(baseUri) { Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/')) builder.Path += "/";
        BaseUri = builder.Uri;
    }

    public Uri BaseUri { get; }

    /// <summary>
    /// The path of <paramref name="target"/> relative to the base (empty for the base itself), or null when it is
    /// not plainly inside: another scheme, host or port, user info, a query or fragment, an empty, dot or
    /// slash-bearing segment.
    /// </summary>
    public string? RelativePath(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri
            || !string.Equals(target.Scheme, BaseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(target.IdnHost, BaseUri.IdnHost, StringComparison.OrdinalIgnoreCase)
            || target.Port != BaseUri.Port
            || target.UserInfo.Length > 0 || target.Query.Length > 0 || target.Fragment.Length > 0)
        {
            return null;
        }

        var path = target.AbsolutePath;
        var basePath = BaseUri.AbsolutePath;
        if (!path.StartsWith(basePath, StringComparison.Ordinal)) return null;
        var rest = path[basePath.Length..];
        if (rest.Length == 0) return string.Empty;

        var isFolder = rest.EndsWith('/');
        var segments = (isFolder ? rest[..^1] : rest).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var name = Uri.UnescapeDataString(segments[i]);
            if (name.Length == 0 || name is "." or ".." || name.Any(c => c is '/' or '\\' || char.IsControl(c))) return null;
            segments[i] = name;
        }

        return string.Join('/', segments) + (isFolder ? "/" : string.Empty);
    }

    /// <summary>The URL of a relative path (the inverse of <see cref="RelativePath"/>).</summary>
    public Uri UriOf(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var isFolder = relativePath.EndsWith('/');
        var trimmed = isFolder ? relativePath[..^1] : relativePath;
        if (trimmed.Length == 0) return BaseUri;
        var escaped = string.Join('/', trimmed.Split('/').Select(Uri.EscapeDataString));
        return new Uri(BaseUri, escaped + (isFolder ? "/" : string.Empty));
    }
}
