using Microsoft.AspNetCore.Http.Features;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Refuses bodies over <see cref="MaxBodyBytes"/> with 413. A declared length is refused before anything reads it;
/// a streamed (chunked) body is counted as it is read, so the limit holds on every server, not only Kestrel.
/// </summary>
public static class RequestSizeLimit
{
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The routes that take a file (a receipt, a certificate) may send a 5 MB file: they get a larger limit, and a
    /// file a little over 5 MB reaches its page to be refused in plain words. Only these routes.
    /// </summary>
    private static readonly PathString[] UploadRoutes = ["/Portal/Travel/Claim", "/Portal/Portfolio", "/api/v1/travel/claims", "/api/v1/portfolio/certificates"];

    private static bool TakesUpload(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && UploadRoutes.Any(r => context.Request.Path.Equals(r, StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var upload = TakesUpload(context);
        var limit = upload ? Features.Travel.Uploads.UploadBodyBytes : MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (upload && context.Request.ContentLength > limit)
        {
            // Far over 5 MB: a page comes back to its form with the plain message, the API says so in problem details.
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                var query = context.Request.QueryString.Add("tooLarge", "true");
                context.Response.Redirect(context.Request.Path + query);
                return;
            }
            // Written directly: the general 413 wording ("at most 1024 KB") belongs to the other routes.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The file is too large",
                Detail = Domain.Travel.FileSniffer.TooLarge + " Nothing was saved.",
            }, options: null, contentType: "application/problem+json");
            return;
        }
        if (context.Request.ContentLength > limit)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The request is too large",
                detail: $"Send at most {MaxBodyBytes / 1024} KB in one request. Nothing was saved.").ExecuteAsync(context);
            return;
        }
        if (context.Request.ContentLength is null)
        {
            context.Request.Body = new CountingStream(context.Request.Body, limit);
        }
        await next();
    });

    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        private int Count(int n)
        {
            _read += n;
            if (_read > limit)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
