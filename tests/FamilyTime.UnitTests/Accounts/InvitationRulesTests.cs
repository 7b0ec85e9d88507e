using FamilyTime.Domain.Accounts;
using FamilyTime.Domain.Common;

namespace FamilyTime.UnitTests.Accounts;

/// <summary>The invitation's rules: an unguessable token kept only as a hash, single use, expiry, revoking, the age of a young person.</summary>
public sealed class InvitationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc);

    private static Invitation Make(int days = 7, InvitationKind kind = InvitationKind.FamilyMember, string sendTo = "jo@example.com", InvitationChannel channel = InvitationChannel.Email)
    {
        var (invitation, errors) = Invitation.Create(Guid.NewGuid(), kind, Guid.NewGuid(), Guid.NewGuid(), "Jo Bloggs", channel, sendTo,
            InvitationToken.Hash(InvitationToken.New()), "worker", Now, days);
        Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Value)));
        return invitation!;
    }

    [Fact]
    public void A_token_carries_at_least_128_random_bits_and_no_two_are_alike()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => InvitationToken.New()).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.True(t.Length * 6 >= 128, $"{t} is too short"));
        Assert.True(FamilyTime.Domain.Access.SecretTokens.Bytes * 8 >= 128);
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]+$", t));
    }

    [Fact]
    public void Only_the_tokens_sha256_hash_is_kept()
    {
        var token = InvitationToken.New();
        var hash = InvitationToken.Hash(token);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), hash);
        Assert.NotEqual(hash, InvitationToken.Hash(InvitationToken.New()));
    }

    [Fact]
    public void An_invitation_is_single_use()
    {
        var invitation = Make();
        invitation.Accept("user", Now.AddHours(1));
        Assert.Equal(InvitationState.Accepted, invitation.StateAt(Now.AddHours(2)));
        Assert.False(invitation.CanBeAcceptedAt(Now.AddHours(2)));
        Assert.Throws<DomainRuleException>(() => invitation.Accept("other", Now.AddHours(2)));
        Assert.Null(invitation.OpenKey);
    }

    [Fact]
    public void An_invitation_expires_after_the_set_days()
    {
        var invitation = Make(days: 3);
        Assert.True(invitation.CanBeAcceptedAt(Now.AddDays(3).AddTicks(-1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Now.AddDays(3)));
        Assert.Throws<DomainRuleException>(() => invitation.Accept("user", Now.AddDays(3)));
    }

    [Fact]
    public void A_revoked_invitation_cannot_be_accepted_and_revoking_again_changes_nothing()
    {
        var invitation = Make();
        Assert.True(invitation.Revoke("worker", Now.AddHours(1)));
        Assert.Equal(InvitationState.Revoked, invitation.StateAt(Now.AddHours(2)));
        Assert.False(invitation.CanBeAcceptedAt(Now.AddHours(2)));
        Assert.False(invitation.Revoke("worker", Now.AddHours(3)));
    }

    [Fact]
    public void An_accepted_invitation_cannot_be_revoked()
    {
        var invitation = Make();
        invitation.Accept("user", Now);
        Assert.False(invitation.Revoke("worker", Now.AddHours(1)));
        Assert.Equal(InvitationState.Accepted, invitation.StateAt(Now.AddHours(1)));
    }

    [Fact]
    public void An_invitation_needs_a_name_a_channel_and_an_address_in_the_right_form()
    {
        var (none, errors) = Invitation.Create(Guid.NewGuid(), InvitationKind.FamilyMember, null, null, " ", null, null, "h", "w", Now, 7);
        Assert.Null(none);
        Assert.Contains(nameof(Invitation.InviteeName), errors.ByField.Keys);
        Assert.Contains(nameof(Invitation.Channel), errors.ByField.Keys);
        Assert.Contains(nameof(Invitation.PersonId), errors.ByField.Keys);
        var (badEmail, emailErrors) = Invitation.Create(Guid.NewGuid(), InvitationKind.YoungPerson, null, null, "Jo", InvitationChannel.Email, "jo@", "h", "w", Now, 7);
        Assert.Null(badEmail);
        Assert.Contains(nameof(Invitation.SentTo), emailErrors.ByField.Keys);
        var (badMobile, mobileErrors) = Invitation.Create(Guid.NewGuid(), InvitationKind.YoungPerson, null, null, "Jo", InvitationChannel.Text, "01632 960 001", "h", "w", Now, 7);
        Assert.Null(badMobile);
        Assert.Contains(nameof(Invitation.SentTo), mobileErrors.ByField.Keys);
        Assert.NotNull(Make(channel: InvitationChannel.Text, sendTo: "07700 900 982"));
    }

    [Fact]
    public void One_open_invitation_per_person_shares_one_key()
    {
        var child = Guid.NewGuid();
        var person = Guid.NewGuid();
        Assert.Equal(Invitation.KeyFor(child, InvitationKind.FamilyMember, person, "a@example.com"), Invitation.KeyFor(child, InvitationKind.FamilyMember, person, "b@example.com"));
        Assert.Equal(Invitation.KeyFor(child, InvitationKind.YoungPerson, null, "07700 900982"), Invitation.KeyFor(child, InvitationKind.YoungPerson, null, "07700900983"));
        Assert.Equal(Invitation.KeyFor(child, InvitationKind.Carer, null, "Sam@Example.com"), Invitation.KeyFor(child, InvitationKind.Carer, null, "sam@example.com"));
        Assert.NotEqual(Invitation.KeyFor(child, InvitationKind.FamilyMember, person, "x"), Invitation.KeyFor(Guid.NewGuid(), InvitationKind.FamilyMember, person, "x"));
    }

    [Theory]
    [InlineData(7, 8, false)]
    [InlineData(8, 8, true)]
    [InlineData(11, 12, false)]
    [InlineData(15, 12, true)]
    public void A_young_person_is_invited_only_from_the_age_the_service_sets(int age, int fromAge, bool allowed)
    {
        var refusal = PortalAge.RefusalFor(age, fromAge);
        Assert.Equal(allowed, refusal is null);
        if (refusal is not null)
        {
            Assert.Contains($"from the age of {fromAge}", refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Jo Bloggs", "jo.bloggs")]
    [InlineData("Zoë  O'Brien-Smith", "zoe.smith")]
    [InlineData("Kai", "kai")]
    [InlineData("  ", "family")]
    public void A_user_name_is_suggested_from_the_persons_name(string name, string expected) =>
        Assert.Equal(expected, UserNameSuggestion.From(name));
}
