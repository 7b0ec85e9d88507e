using System.Net;
using System.Net.Http.Json;
using FamilyTime.Domain.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// GOV.UK Notify's delivery receipts: with the callback's bearer token a text becomes Delivered, or Failed with what to
/// do; without the token, or with a wrong one, nothing changes; with no token configured the address is not there.
/// </summary>
public abstract class NotifyReceiptTests(Provider provider)
{
    private const string Token = "receipt-token-for-tests";

    [Fact]
    public async Task A_receipt_with_the_token_records_delivery_or_the_failure_and_nothing_else_changes_a_message()
    {
        await using var root = new FamilyTimeFactory(provider, demo: false);
        await using var app = root.WithWebHostBuilder(b => b.UseSetting("Notifications:Sms:Notify:CallbackToken", Token));
        var delivered = await SentTextAsync(root);
        var lost = await SentTextAsync(root);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, null, delivered, "delivered")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "Bearer not-the-token", delivered, "delivered")).StatusCode);
        Assert.Equal(DeliveryStatus.Sent, await StatusAsync(root, delivered));

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "Bearer " + Token, delivered, "delivered")).StatusCode);
        Assert.Equal(DeliveryStatus.Delivered, await StatusAsync(root, delivered));
        // A repeated receipt, or a later one, does not undo it.
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "Bearer " + Token, delivered, "permanent-failure")).StatusCode);
        Assert.Equal(DeliveryStatus.Delivered, await StatusAsync(root, delivered));

        // "sending" says nothing yet; a permanent failure fails it with what to do.
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "Bearer " + Token, lost, "sending")).StatusCode);
        Assert.Equal(DeliveryStatus.Sent, await StatusAsync(root, lost));
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "Bearer " + Token, lost, "permanent-failure")).StatusCode);
        var failed = await root.DbAsync(db => db.Outbox.SingleAsync(m => m.Id == lost));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("permanent failure", failed.LastError, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "Bearer " + Token, Guid.NewGuid(), "delivered")).StatusCode);
        var unreadable = await client.SendAsync(Request("Bearer " + Token, new { reference = "not-a-reference", status = "delivered" }));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);

        // With no token configured there is no callback to find.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(root.CreateClient(), "Bearer " + Token, delivered, "delivered")).StatusCode);
    }

    private static async Task<Guid> SentTextAsync(FamilyTimeFactory app) => await app.DbAsync(async db =>
    {
        var message = OutboxMessage.Create("text-" + Guid.NewGuid().ToString("N"), Channel.Sms, "07700900123", "A parent", "Text message", "There is news about family time.", null, app.Clock.GetUtcNow().UtcDateTime);
        message.Delivered(DeliveryStatus.Sent, app.Clock.GetUtcNow().UtcDateTime);
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private static Task<DeliveryStatus> StatusAsync(FamilyTimeFactory app, Guid id) =>
        app.DbAsync(db => db.Outbox.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string? authorization, Guid reference, string status) =>
        client.SendAsync(Request(authorization, new { id = Guid.NewGuid(), reference = reference.ToString(), to = "07700900123", status, notification_type = "sms" }));

    private static HttpRequestMessage Request(string? authorization, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notify/delivery-receipts") { Content = JsonContent.Create(body) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return request;
    }
}

[Collection("sqlite")]
public sealed class NotifyReceiptTestsOnSqlite() : NotifyReceiptTests(Provider.Sqlite);

[Collection("postgres")]
public sealed class NotifyReceiptTestsOnPostgres() : NotifyReceiptTests(Provider.Postgres);
