using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MeetingTracker.Core.Tests.Mail;

/// <summary>A real SMTP server (SmtpServer) on a loopback port, keeping what it accepts; <see cref="Answer"/> can make it refuse.</summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;

    private TestSmtpServer(int port, CancellationToken cancellationToken)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(cancellationToken);
    }

    public int Port { get; }

    /// <summary>What the server answers after DATA; <see cref="SmtpResponse.Ok"/> keeps the message.</summary>
    public SmtpResponse Answer { get; set; } = SmtpResponse.Ok;

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public int Refused { get; private set; }

    public static async Task<TestSmtpServer> StartAsync(CancellationToken cancellationToken)
    {
        var smtp = new TestSmtpServer(FreePort(), cancellationToken);
        await WaitListeningAsync(smtp.Port, cancellationToken);
        return smtp;
    }

    /// <summary>A loopback port nothing listens on (a server that is down).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await server.ShutdownTask;
        await running;
    }

    private static async Task WaitListeningAsync(int port, CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (i < 100)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Answer.ReplyCode != SmtpReplyCode.Ok)
            {
                owner.Refused++;
                return owner.Answer;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            owner.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
