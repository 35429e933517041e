using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>A generated meetbot server in a temporary folder.</summary>
internal sealed class LogGenTree : IDisposable
{
    private readonly TempDir dir = new();

    public LogGenTree(GeneratorOptions options)
    {
        Options = options;
        Summary = ServerGenerator.WriteTo(dir.Path, options, CancellationToken.None);
    }

    public GeneratorOptions Options { get; }

    public GenerationSummary Summary { get; }

    public string Root => dir.Path;

    /// <summary>The meetings the generator made (rename stubs left out), as the harvester should store them.</summary>
    public IReadOnlyList<GeneratedMeeting> Meetings => [.. ServerGenerator.Generate(Options).Where(m => !m.IsRenameStub)];

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => dir.Dispose();
}
