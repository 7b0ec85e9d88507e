using FamilyTime.Data;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Features.Scheduling;
using FamilyTime.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// The app over a fresh, empty database with the given delivery settings, a test clock standing at <see cref="Now"/>
/// and, for GOV.UK Notify or Microsoft Entra ID, a stub in place of the network (<paramref name="services"/>).
/// </summary>
internal sealed class DeliveryApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly FamilyTimeFactory _root;
    private readonly WebApplicationFactory<Program> _app;

    private DeliveryApp(Dictionary<string, string?> settings, NotifyStub? notify, Provider provider, Action<IServiceCollection>? services)
    {
        Clock = new FakeTimeProvider(Now);
        _root = new FamilyTimeFactory(provider, clock: Clock);
        _app = _root.WithWebHostBuilder(b =>
        {
            // Delivery needs no children: an empty service starts faster.
            b.UseSetting("Demo:Enabled", "false");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            b.ConfigureTestServices(s =>
            {
                if (notify is not null)
                {
                    s.AddHttpClient(NotifySender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new NotifyHandler(notify));
                }
                services?.Invoke(s);
            });
        });
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _app.Services;

    public static DeliveryApp Start(Dictionary<string, string?> settings, NotifyStub? notify = null, bool start = true, Provider provider = Provider.Sqlite,
        Action<IServiceCollection>? services = null)
    {
        var app = new DeliveryApp(settings, notify, provider, services);
        if (start)
        {
            _ = app.Services;
        }
        return app;
    }

    public async Task<Guid> QueueAsync(OutboxMessage message)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public Task TickAsync() => Services.GetRequiredService<JobRunner>().TickAsync(CancellationToken.None);

    public async Task<OutboxMessage> MessageAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _root.DisposeAsync();
    }
}
