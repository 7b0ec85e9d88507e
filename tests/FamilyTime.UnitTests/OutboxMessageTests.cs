using FamilyTime.Domain.Notifications;

namespace FamilyTime.UnitTests;

public sealed class OutboxMessageTests
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static OutboxMessage Email() =>
        OutboxMessage.Create("review-due:1", Channel.Email, "  sw1@example.org ", "Sam Worker", "A review is due", "Please look at the plan.", null, At);

    [Fact]
    public void A_new_message_waits_to_be_sent_with_no_attempts()
    {
        var m = Email();

        Assert.Equal(DeliveryStatus.Pending, m.Status);
        Assert.Equal(0, m.Attempts);
        Assert.Null(m.SentAt);
        Assert.Null(m.LastError);
        Assert.Equal("sw1@example.org", m.To);
        Assert.Equal(At, m.CreatedAt);
    }

    [Fact]
    public void A_text_longer_than_four_messages_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            OutboxMessage.Create("k", Channel.Sms, "07700900123", "A parent", "Text message", new string('a', OutboxMessage.SmsLength + 1), null, At));
        Assert.Contains("612", ex.Message, StringComparison.Ordinal);
        var longest = OutboxMessage.Create("k", Channel.Sms, "07700900123", "A parent", "Text message", new string('a', OutboxMessage.SmsLength), null, At);
        Assert.Equal(OutboxMessage.SmsLength, longest.Body.Length);
    }

    [Fact]
    public void A_message_needs_a_key_an_address_and_words()
    {
        Assert.ThrowsAny<ArgumentException>(() => OutboxMessage.Create(" ", Channel.Email, "a@b.org", "", "s", "b", null, At));
        Assert.ThrowsAny<ArgumentException>(() => OutboxMessage.Create("k", Channel.Email, "", "", "s", "b", null, At));
        Assert.ThrowsAny<ArgumentException>(() => OutboxMessage.Create("k", Channel.Email, "a@b.org", "", "s", "  ", null, At));
    }

    [Fact]
    public void A_refusal_fails_it_at_once_with_the_reason_and_no_further_attempt()
    {
        var m = Email();
        m.AttemptFailed("connection refused", At);

        m.Refused("GOV.UK Notify answered 400: ValidationError: phone_number Not a UK mobile number");

        Assert.Equal(DeliveryStatus.Failed, m.Status);
        Assert.Equal(2, m.Attempts);
        Assert.Equal("GOV.UK Notify answered 400: ValidationError: phone_number Not a UK mobile number", m.LastError);
        Assert.Null(m.NextAttemptAt);
        Assert.Null(m.SentAt);
        Assert.False(m.IsDue(At.AddDays(1)));

        var longReason = Email();
        longReason.Refused(new string('x', 5000));
        Assert.Equal(1000, longReason.LastError!.Length);
    }

    [Fact]
    public void A_failed_attempt_keeps_it_waiting_with_the_error_until_the_last_attempt_fails_it()
    {
        var m = Email();
        for (var i = 1; i < OutboxMessage.MaxAttempts; i++)
        {
            m.AttemptFailed($"Connection refused ({i})", At.AddMinutes(i));
            Assert.Equal(DeliveryStatus.Pending, m.Status);
            Assert.Equal(i, m.Attempts);
            Assert.Equal($"Connection refused ({i})", m.LastError);
        }

        m.AttemptFailed("Connection refused (last)", At.AddHours(1));

        Assert.Equal(DeliveryStatus.Failed, m.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, m.Attempts);
        Assert.Equal("Connection refused (last)", m.LastError);
        Assert.Null(m.SentAt);
    }

    [Fact]
    public void After_a_failed_attempt_it_waits_longer_each_time_up_to_an_hour_and_a_delivery_clears_the_wait()
    {
        var m = Email();
        Assert.True(m.IsDue(At));

        m.AttemptFailed("Connection refused", At);
        Assert.Equal(At.AddMinutes(2), m.NextAttemptAt);
        Assert.False(m.IsDue(At.AddMinutes(1)));
        Assert.True(m.IsDue(At.AddMinutes(2)));

        m.AttemptFailed("Connection refused", At.AddMinutes(2));
        Assert.Equal(At.AddMinutes(6), m.NextAttemptAt);
        Assert.Equal([2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 7).Select(n => OutboxMessage.RetryDelay(n).TotalMinutes));

        m.Delivered(DeliveryStatus.Sent, At.AddMinutes(6));
        Assert.Null(m.NextAttemptAt);
        Assert.False(m.IsDue(At.AddMinutes(7)));
    }

    [Fact]
    public void A_send_after_a_failure_records_when_and_clears_the_error()
    {
        var m = Email();
        m.AttemptFailed("Timed out", At);

        m.Delivered(DeliveryStatus.Sent, At.AddMinutes(1));

        Assert.Equal(DeliveryStatus.Sent, m.Status);
        Assert.Equal(2, m.Attempts);
        Assert.Equal(At.AddMinutes(1), m.SentAt);
        Assert.Null(m.LastError);
    }

    [Fact]
    public void Keeping_a_message_in_the_outbox_counts_as_its_one_delivery()
    {
        var m = Email();

        m.Delivered(DeliveryStatus.KeptInOutbox, At);

        Assert.Equal(DeliveryStatus.KeptInOutbox, m.Status);
        Assert.Equal(1, m.Attempts);
        Assert.Equal(At, m.SentAt);
    }

    [Fact]
    public void A_long_error_is_cut_to_a_thousand_characters()
    {
        var m = Email();

        m.AttemptFailed(new string('x', 5000), At);

        Assert.Equal(1000, m.LastError!.Length);
    }

    [Theory]
    [InlineData("delivered", DeliveryStatus.Delivered, null)]
    [InlineData("permanent-failure", DeliveryStatus.Failed, "permanent failure")]
    [InlineData("temporary-failure", DeliveryStatus.Failed, "72 hours")]
    [InlineData("technical-failure", DeliveryStatus.Failed, "technical failure")]
    [InlineData("sending", DeliveryStatus.Sent, null)]
    [InlineData("something-new", DeliveryStatus.Sent, null)]
    public void Notify_s_receipt_changes_only_a_sent_message(string receipt, DeliveryStatus after, string? error)
    {
        var sent = Email();
        sent.Delivered(DeliveryStatus.Sent, At);
        Assert.Equal(after != DeliveryStatus.Sent, sent.ReceiptFromNotify(receipt));
        Assert.Equal(after, sent.Status);
        if (error is null)
        {
            Assert.Null(sent.LastError);
        }
        else
        {
            Assert.Contains(error, sent.LastError, StringComparison.Ordinal);
        }

        // Kept in the outbox, still waiting, or already answered: a receipt changes nothing.
        var kept = Email();
        kept.Delivered(DeliveryStatus.KeptInOutbox, At);
        Assert.False(kept.ReceiptFromNotify(receipt));
        Assert.Equal(DeliveryStatus.KeptInOutbox, kept.Status);
        Assert.False(Email().ReceiptFromNotify(receipt));
    }

    [Theory]
    [InlineData("accepted", DeliveryStatus.Sent, null)]
    [InlineData("received", DeliveryStatus.Delivered, null)]
    [InlineData("validation-failed", DeliveryStatus.Failed, "did not meet its letter specification")]
    [InlineData("cancelled", DeliveryStatus.Failed, "cancelled in GOV.UK Notify")]
    [InlineData("virus-scan-failed", DeliveryStatus.Failed, "virus scan")]
    [InlineData("technical-failure", DeliveryStatus.Failed, "Print it here and post it")]
    [InlineData("delivered", DeliveryStatus.Sent, null)]
    public void A_letters_receipt_reads_notifys_letter_statuses(string receipt, DeliveryStatus after, string? error)
    {
        var letter = OutboxMessage.Create("letter:1", Channel.Post, "12 Oak Street, Southby, SB2 3CD", "Alex Parent", "Your family time", "Dear Alex Parent,", null, At);
        letter.Delivered(DeliveryStatus.Sent, At);
        Assert.Equal(after != DeliveryStatus.Sent, letter.ReceiptFromNotify(receipt));
        Assert.Equal(after, letter.Status);
        if (error is not null)
        {
            Assert.Contains(error, letter.LastError, StringComparison.Ordinal);
        }
    }
}

