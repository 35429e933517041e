using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Reminders;

namespace MeetingTracker.Core.Tests.Reminders;

/// <summary>
/// The signed links: an answer token reads back within 14 days (by the site's clock), not after; a changed character
/// makes it tampered; an unsubscribe token is never an answer, nor the other way round; a token signed over one data
/// folder's key ring reads in another process over the same folder (the command line signs, the site reads) and in
/// no other.
/// </summary>
public sealed class ReminderTokensTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_token_reads_back_until_it_is_fourteen_days_old()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var issued = rig.Clock.GetUtcNow();
        var token = new AnswerToken("account-1", 42, ActionState.InProgress, ReminderTokens.NewNonce(), issued);
        var signed = rig.Tokens.Answer(token);

        Assert.Equal((token, TokenProblem.None), rig.Tokens.ReadAnswer(signed));
        Assert.DoesNotContain("account-1", signed, StringComparison.Ordinal);

        rig.Clock.Advance(ReminderTokens.AnswerLifetime);
        Assert.Equal((token, TokenProblem.None), rig.Tokens.ReadAnswer(signed));
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((token, TokenProblem.Expired), rig.Tokens.ReadAnswer(signed));
    }

    [Fact]
    public async Task A_changed_token_is_tampered_and_the_two_kinds_do_not_stand_for_each_other()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var answer = rig.Tokens.Answer(new AnswerToken("account-1", 42, ActionState.Done, ReminderTokens.NewNonce(), rig.Clock.GetUtcNow()));
        var unsubscribe = rig.Tokens.Unsubscribe(new UnsubscribeToken("account-1", DigestKinds.Personal));
        var middle = answer.Length / 2;
        var changed = answer[..middle] + (answer[middle] == 'A' ? 'B' : 'A') + answer[(middle + 1)..];

        Assert.Equal((null, TokenProblem.Tampered), rig.Tokens.ReadAnswer(changed));
        Assert.Equal((null, TokenProblem.Tampered), rig.Tokens.ReadAnswer(answer[..^2]));
        Assert.Equal((null, TokenProblem.Tampered), rig.Tokens.ReadAnswer("not a token"));
        Assert.Equal((null, TokenProblem.Tampered), rig.Tokens.ReadAnswer(null));
        Assert.Equal((null, TokenProblem.Tampered), rig.Tokens.ReadAnswer(unsubscribe));
        Assert.Null(rig.Tokens.ReadUnsubscribe(answer));

        // The answer rides beside the signature: another of the four offered reads as that one; any other is refused.
        var signedPart = answer[..answer.LastIndexOf(ReminderTokens.AnswerSeparator)];
        Assert.Equal(ActionState.NoTime, rig.Tokens.ReadAnswer(signedPart + "~no-time").Token!.Answer);
        Assert.Equal((null, TokenProblem.Tampered), rig.Tokens.ReadAnswer(signedPart + "~wont-do"));
        Assert.Equal((null, TokenProblem.Tampered), rig.Tokens.ReadAnswer(signedPart));
        var four = rig.Tokens.AnswersFor("account-1", 42, ReminderTokens.NewNonce(), rig.Clock.GetUtcNow());
        Assert.Equal(ReminderTokens.Answers, four.Select(a => rig.Tokens.ReadAnswer(a.Token).Token!.Answer));
        Assert.Single(four.Select(a => a.Token[..a.Token.LastIndexOf('~')]).Distinct());
        Assert.Equal(new UnsubscribeToken("account-1", DigestKinds.Personal), rig.Tokens.ReadUnsubscribe(unsubscribe));
    }

    [Fact]
    public async Task Tokens_signed_over_a_data_folder_read_in_another_process_over_it_and_nowhere_else()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var token = new AnswerToken("account-1", 7, ActionState.NoTime, ReminderTokens.NewNonce(), rig.Clock.GetUtcNow());
        var signed = rig.Tokens.Answer(token);
        var unsubscribe = rig.Tokens.Unsubscribe(new UnsubscribeToken("account-1", DigestKinds.Team(3)));

        await using var site = await ReminderRig.OverAsync(rig, Ct);
        await using var elsewhere = await ReminderRig.StartAsync(Ct);

        Assert.Equal((token, TokenProblem.None), site.Tokens.ReadAnswer(signed));
        Assert.Equal(new UnsubscribeToken("account-1", "team-digest/3"), site.Tokens.ReadUnsubscribe(unsubscribe));
        Assert.Equal((null, TokenProblem.Tampered), elsewhere.Tokens.ReadAnswer(signed));
        Assert.Null(elsewhere.Tokens.ReadUnsubscribe(unsubscribe));
    }
}
