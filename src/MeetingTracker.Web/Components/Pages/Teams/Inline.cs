using Microsoft.AspNetCore.Components;
using MeetingTracker.Web.Components.Common;

namespace MeetingTracker.Web.Components.Pages.Teams;

/// <summary>
/// The markup of <see cref="SafeText"/>, <see cref="When"/> and lists of person links as render fragments, for long lists: a component per
/// cell costs a component instance each, which made up most of a team page's rendering. Same output, same splitter
/// (<see cref="SafeLinks"/>), text always added as content (encoded), never as markup.
/// </summary>
public static class Inline
{
    public static RenderFragment Text(string? text) => builder =>
    {
        foreach (var run in SafeLinks.Split(text))
        {
            if (run.Href is null)
            {
                builder.AddContent(0, run.Text);
            }
            else
            {
                builder.OpenElement(1, "a");
                builder.AddAttribute(2, "href", run.Href);
                builder.AddAttribute(3, "rel", "nofollow ugc noopener");
                builder.AddContent(4, run.Text);
                builder.CloseElement();
            }
        }
    };

    /// <summary>
    /// <see cref="Text(string?)"/>, with the tickets and projects it names (<paramref name="references"/>, located in
    /// <paramref name="text"/>) linked to their addresses: <c>rhbz#123</c> and <c>bug 123</c> as much as a URL.
    /// </summary>
    public static RenderFragment Referenced(string text, IReadOnlyList<Core.Projects.ProjectReference> references) => builder =>
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(references);
        var at = 0;
        foreach (var r in references.Where(r => r.Length > 0 && r.Start + r.Length <= text.Length).OrderBy(r => r.Start))
        {
            if (r.Start < at) continue;
            builder.AddContent(0, Text(text[at..r.Start]));
            var said = text.Substring(r.Start, r.Length);
            if (said.Contains("://", StringComparison.Ordinal) || !SafeLinks.IsSafe(r.Url))
            {
                builder.AddContent(1, Text(said));
            }
            else
            {
                builder.OpenElement(2, "a");
                builder.AddAttribute(3, "href", r.Url);
                builder.AddAttribute(4, "class", "ticket");
                builder.AddAttribute(5, "rel", "nofollow ugc noopener");
                builder.AddContent(6, said);
                builder.CloseElement();
            }

            at = r.Start + r.Length;
        }

        builder.AddContent(7, Text(text[at..]));
    };

    /// <summary>People as links to their pages, comma-separated; "nobody" when there are none.</summary>
    public static RenderFragment People(IReadOnlyList<PersonRef> people) => builder =>
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "class", "empty");
            builder.AddContent(2, "nobody");
            builder.CloseElement();
            return;
        }

        for (var i = 0; i < people.Count; i++)
        {
            if (i > 0) builder.AddContent(3, ", ");
            builder.OpenElement(4, "a");
            builder.AddAttribute(5, "href", Links.Person(people[i].Name));
            builder.AddContent(6, people[i].Name);
            builder.CloseElement();
        }
    };

    public static RenderFragment Time(DateTimeOffset at) => builder =>
    {
        builder.OpenElement(0, "time");
        builder.AddAttribute(1, "datetime", Display.IsoUtc(at));
        builder.AddContent(2, Display.Utc(at));
        builder.CloseElement();
    };
}
