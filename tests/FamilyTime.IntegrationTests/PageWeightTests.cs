using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Light on a cheap phone (issue 11, item 9): a parent's first visit to a portal page, with everything it loads,
/// arrives compressed and under 60 kB; the staff-only components never reach the portal; versioned files are kept a year.
/// </summary>
public abstract partial class PageWeightTests(FamilyTimeFactory app, ITestOutputHelper output)
{
    private const int FirstVisitBudget = 60_000;

    [Theory]
    [InlineData("/Portal")]
    [InlineData("/Portal/Records")]
    [InlineData("/Portal/Children/{child}")]
    public async Task A_parents_first_visit_to_a_portal_page_arrives_compressed_and_under_60_kB(string page)
    {
        var (child, _) = await app.DbAsync(db => Reach.ForAsync(db, "parent1"));
        var pages = await app.PagesAsAsync("parent1");
        var path = page.Replace("{child}", child.ToString(), StringComparison.Ordinal);

        var (html, htmlBytes, encoding) = await FetchAsync(pages, path);
        Assert.Equal("br", encoding);
        // The case-working components (MoJ Frontend's styles and scripts) are for staff pages with sortable tables. The
        // anti-forgery token is random text that now and then holds the letters "moj": it is left out of the search.
        var withoutToken = System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "");
        Assert.DoesNotContain("moj", withoutToken, StringComparison.OrdinalIgnoreCase);

        var total = htmlBytes;
        var lines = new List<string> { $"{path}: page {htmlBytes:N0} B" };
        foreach (var asset in await AssetsAsync(pages, html))
        {
            total += asset.Bytes;
            // Stylesheets and scripts are compressed once, at their smallest, when the front end is built.
            Assert.True(asset.Encoding == "br", $"{asset.Path} was sent {asset.Encoding ?? "uncompressed"}");
            lines.Add($"  {asset.Path}: {asset.Bytes:N0} B ({asset.Encoding ?? "not compressed"})");
        }
        lines.Add($"  first visit: {total:N0} B");
        lines.ForEach(output.WriteLine);
        Assert.True(total < FirstVisitBudget, string.Join('\n', lines));
    }

    [Fact]
    public async Task Staff_pages_with_sortable_tables_load_the_case_working_components()
    {
        var pages = await app.PagesAsAsync("socialworker1");
        var html = await pages.GetStringAsync("/Children");
        Assert.Contains("/css/moj.css?v=", html, StringComparison.Ordinal);
        Assert.Contains("/lib/sortable.js?v=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versioned_static_files_are_cached_for_a_year_and_unversioned_ones_checked_again()
    {
        var client = app.CreateClient();
        var versioned = await client.GetAsync("/css/app.css?v=abc123");
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        var plain = await client.GetAsync("/css/app.css");
        Assert.True(plain.Headers.CacheControl?.NoCache, "An unversioned address may change: it must be checked again.");
    }

    [Fact]
    public async Task Api_answers_are_compressed_for_clients_that_ask()
    {
        var api = await app.ApiAsAsync("socialworker1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children?pageSize=100");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
    }

    private static async Task<(string Text, int Bytes, string? Encoding)> FetchAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        // The test client does not decompress: these are the bytes that cross the network.
        var raw = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        var text = encoding switch
        {
            "br" => Decode(new System.IO.Compression.BrotliStream(new MemoryStream(raw), System.IO.Compression.CompressionMode.Decompress)),
            "gzip" => Decode(new System.IO.Compression.GZipStream(new MemoryStream(raw), System.IO.Compression.CompressionMode.Decompress)),
            _ => System.Text.Encoding.UTF8.GetString(raw),
        };
        return (text, raw.Length, encoding);
    }

    private static string Decode(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The stylesheets and scripts a page loads, and the modules those scripts import, each once.</summary>
    private static async Task<IReadOnlyList<(string Path, int Bytes, string? Encoding)>> AssetsAsync(HttpClient client, string html)
    {
        var queue = new Queue<string>(AssetLinks().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var assets = new List<(string, int, string?)>();
        while (queue.TryDequeue(out var url))
        {
            if (!url.StartsWith('/') || !seen.Add(url.Split('?')[0]))
            {
                continue;
            }
            var (text, bytes, encoding) = await FetchAsync(client, url);
            assets.Add((url, bytes, encoding));
            foreach (Match import in ModuleImports().Matches(text))
            {
                queue.Enqueue(import.Groups["url"].Value);
            }
        }
        return assets;
    }

    [GeneratedRegex("""<(?:link[^>]+href|script[^>]+src)="(?<url>[^"]+)""")]
    private static partial Regex AssetLinks();

    [GeneratedRegex("""(?:import|from)\s*['"](?<url>/[^'"]+)['"]""")]
    private static partial Regex ModuleImports();
}

[Collection("sqlite")]
public sealed class PageWeightTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : PageWeightTests(app.Factory, output), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PageWeightTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : PageWeightTests(app.Factory, output), IClassFixture<PostgresApp>;
