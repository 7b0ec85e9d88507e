using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Pages light enough for a cheap phone on a slow connection (issue 11, item 9): answers are compressed, and the
/// versioned static files (the layout asks for them with <c>asp-append-version</c>, which adds <c>?v=</c> and the
/// file's hash) are cached for a year, so a parent's second visit fetches only the page itself.
/// </summary>
public static class LightPages
{
    /// <summary>What a browser may keep for a year: the address changes whenever the file does.</summary>
    public const string ImmutableForAYear = "public, max-age=31536000, immutable";

    public static IServiceCollection AddLightPages(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Behind the council's TLS proxy the app sees plain HTTP; on its own it may serve HTTPS. Compressing
            // there is safe from BREACH for the secret a page carries: ASP.NET Core's antiforgery form token is
            // encrypted afresh (a new random key modifier) on every answer, so no two answers share it.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["text/calendar", "image/svg+xml", "application/problem+json", "text/csv"]);
        });
        // Fastest keeps the CPU cost of each answer small on a 2-core server; the sizes differ by a few per cent.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Compression, then static files with their caching rule. Call before anything that writes a body.</summary>
    public static IApplicationBuilder UseLightPages(this IApplicationBuilder app, IWebHostEnvironment env)
    {
        app.UseResponseCompression();
        // Stylesheets and scripts are compressed at their smallest when the front end is built (assets/build.mjs):
        // a browser that accepts it is sent the .br or .gz beside the file, which the compression above leaves alone.
        app.Use((context, next) =>
        {
            PickPrecompressed(context, env.WebRootFileProvider);
            return next();
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var versioned = context.Context.Request.Query.ContainsKey("v");
                // Unversioned addresses (a bookmarked image, a stale page) are checked again each time: they may change.
                context.Context.Response.Headers[HeaderNames.CacheControl] = versioned ? ImmutableForAYear : "no-cache";
            },
            ContentTypeProvider = new PrecompressedContentTypes(),
        });
        return app;
    }

    private static readonly (string Encoding, string Suffix)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

    private static void PickPrecompressed(HttpContext context, Microsoft.Extensions.FileProviders.IFileProvider files)
    {
        var path = context.Request.Path.Value;
        if (!(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || path is null || !(path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal)))
        {
            return;
        }
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, suffix) in Precompressed)
        {
            var accepts = accepted.Any(a => string.Equals(a.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
            if (accepts && files.GetFileInfo(path + suffix).Exists)
            {
                context.Request.Path = path + suffix;
                context.Response.Headers.ContentEncoding = encoding;
                return;
            }
        }
    }

    /// <summary>A precompressed file has the type of the file it was made from: app.css.br is text/css.</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Precompressed)
            {
                if (subpath.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return _types.TryGetContentType(subpath[..^suffix.Length], out contentType!);
                }
            }
            return _types.TryGetContentType(subpath, out contentType!);
        }
    }
}
