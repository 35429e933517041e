using MeetingTracker.Core.Meetbot;
using NetArchTest.Rules;

namespace MeetingTracker.Core.Tests;

/// <summary>The boundaries that matter (ADR 1): the format engine stays pure of storage, network and hosting.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Format_engine_depends_on_no_storage_network_search_or_host()
    {
        var result = Types.InAssembly(typeof(MeetbotReader).Assembly)
            .That().ResideInNamespaceStartingWith("MeetingTracker.Core.Meetbot")
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "System.Net.Http", "Lucene.Net", "Hangfire", "Microsoft.AspNetCore", "MailKit")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Core_does_not_know_its_hosts()
    {
        var result = Types.InAssembly(typeof(MeetbotReader).Assembly)
            .ShouldNot().HaveDependencyOnAny("MeetingTracker.Cli", "MeetingTracker.Web", "MeetingTracker.LogGen")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
