using MeetingTracker.Core.Meetings;

namespace MeetingTracker.Core.Tests.Meetings;

public sealed class TeamNamesTests
{
    [Theory]
    [InlineData("fedora_qa", "fedora-qa")]
    [InlineData("Fedora-QA", "fedora-qa")]
    [InlineData("#fedora-qa", "fedora-qa")]
    [InlineData("fedora qa (2024-01-08)", "fedora-qa")]
    [InlineData("infra - 2024-01-08", "infra")]
    [InlineData("fedora_coreos_meeting", "fedora-coreos-meeting")]
    [InlineData("fedora-coreos-meeting", "fedora-coreos-meeting")]
    [InlineData("fedora_tagger_-_future_development", "fedora-tagger-future-development")]
    [InlineData("Équipe_Doc", "équipe-doc")]
    [InlineData("___", "unnamed")]
    [InlineData("", "unnamed")]
    public void Meeting_names_normalise_to_team_keys(string name, string key) => Assert.Equal(key, TeamNames.Normalize(name));
}
