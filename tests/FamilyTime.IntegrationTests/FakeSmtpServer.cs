using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FamilyTime.IntegrationTests;

/// <summary>One e-mail as the fake server received it: the envelope, the raw message (headers and body) and the mailbox
/// the session signed in as (null without sign-in).</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Data, string? SignedInAs = null);

/// <summary>One AUTH XOAUTH2 as the fake server received it: the mailbox and bearer token from the initial response, and
/// whether it was accepted.</summary>
public sealed record ReceivedSignIn(string User, string Token, bool Accepted);

/// <summary>
/// Just enough SMTP on a loopback port to receive what MailKit sends without TLS: greeting, EHLO, AUTH XOAUTH2 (as
/// Exchange Online takes an app's token), MAIL, RCPT, DATA (with dot-unstuffing) and QUIT. Nothing leaves the machine.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FakeSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>What the server answers to each RCPT: "250 OK", or a refusal such as "550 5.1.1 User unknown".</summary>
    public string RecipientAnswer { get; set; } = "250 OK";

    /// <summary>
    /// With this set, a session must sign in with AUTH XOAUTH2 before MAIL (as Exchange Online insists), and a token is
    /// accepted (235) when this says so; otherwise the server answers <see cref="SignInRefusal"/>.
    /// </summary>
    public Func<string, bool>? AcceptsToken { get; set; }

    public string SignInRefusal { get; set; } = "535 5.7.3 Authentication unsuccessful [fake.example]";

    public ConcurrentQueue<ReceivedSignIn> SignIns { get; } = new();

    /// <summary>A loopback port nothing listens on, so a connection to it is refused at once.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost fake SMTP ready");
        var from = "";
        string? signedInAs = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 AUTH XOAUTH2");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "AUTH":
                    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length < 2 || !words[1].Equals("XOAUTH2", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteLineAsync("504 5.7.4 Unrecognized authentication type");
                        break;
                    }
                    var initial = words.Length > 2 ? words[2] : null;
                    if (initial is null)
                    {
                        await writer.WriteLineAsync("334 ");
                        initial = await reader.ReadLineAsync(_stop.Token) ?? "";
                    }
                    if (XOAuth2(initial) is not var (user, token))
                    {
                        await writer.WriteLineAsync("501 5.5.2 Cannot decode the XOAUTH2 response");
                        break;
                    }
                    var accepted = AcceptsToken?.Invoke(token) == true;
                    SignIns.Enqueue(new ReceivedSignIn(user, token, accepted));
                    if (accepted)
                    {
                        signedInAs = user;
                    }
                    await writer.WriteLineAsync(accepted ? "235 2.7.0 Authentication successful" : SignInRefusal);
                    break;
                case "MAIL" when AcceptsToken is not null && signedInAs is null:
                    await writer.WriteLineAsync("530 5.7.57 Client not authenticated to send mail");
                    break;
                case "MAIL":
                    from = Address(line);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    var answer = RecipientAnswer;
                    if (answer.StartsWith('2'))
                    {
                        recipients.Add(Address(line));
                    }
                    await writer.WriteLineAsync(answer);
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                    {
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    }
                    Received.Enqueue(new ReceivedMail(from, [.. recipients], data.ToString(), signedInAs));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    /// <summary>The mailbox and bearer token of an XOAUTH2 initial response: base64 of "user=…^Aauth=Bearer …^A^A".</summary>
    private static (string User, string Token)? XOAuth2(string initial)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(initial.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        if (!text.EndsWith("\x01\x01", StringComparison.Ordinal))
        {
            return null;
        }
        var parts = text[..^2].Split('\x01');
        if (parts.Length != 2 || !parts[0].StartsWith("user=", StringComparison.Ordinal) || !parts[1].StartsWith("auth=Bearer ", StringComparison.Ordinal))
        {
            return null;
        }
        return (parts[0]["user=".Length..], parts[1]["auth=Bearer ".Length..]);
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
