using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>
/// Request bodies: 1 MB for forms and JSON, 21 MB on the evidence upload (20 MB files plus the form). Over the limit, 413
/// with a message (a page for forms, a problem document for the API), never 500 — whether the body declares its length
/// (checked at once) or streams it in chunks (stopped by Kestrel while being read).
/// </summary>
public sealed class RequestSizeTests() : PostgresAppTest("request-size")
{
    private static readonly byte[] TwoMegabytes = new byte[2 * 1024 * 1024];

    private static FormUrlEncodedContent BigForm(string token) =>
        new([new("__RequestVerificationToken", token), new("_handler", "login"), new("Input.UserName", new string('a', 2 * 1024 * 1024))]);

    private static StringContent BigJson() =>
        new("{\"district\":\"shijingshan\",\"claims\":[],\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");

    private static async Task AssertTooLargeAsync(HttpResponseMessage response, bool api)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (api)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("请求体过大", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("提交的内容过大", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_form_or_json_body_over_1_MB_answers_413_not_500()
    {
        using var client = Factory.CreateBrowserClient();
        var token = Forms.HiddenFields(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative)))["__RequestVerificationToken"];
        using (var form = BigForm(token))
            await AssertTooLargeAsync(await client.PostAsync(new Uri("/account/login", UriKind.Relative), form), api: false);
        using (var json = BigJson())
            await AssertTooLargeAsync(await client.PostAsync(new Uri("/api/v1/calculations", UriKind.Relative), json), api: true);
    }

    [Fact]
    public async Task The_upload_takes_a_20_MB_file_but_not_a_body_over_21_MB()
    {
        using var client = await Forms.SignedInAsync(Factory, DemoAccounts.EnterpriseUser);
        var token = Forms.HiddenFields(await client.GetStringAsync(new Uri("/enterprise/applications", UriKind.Relative)))["__RequestVerificationToken"];
        async Task<HttpResponseMessage> UploadAsync(int bytes)
        {
            using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(new byte[bytes]);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "file", "big.pdf");
            return await client.PostAsync(new Uri("/enterprise/claims/987654/evidence", UriKind.Relative), content);
        }
        // 20 MB gets past the size limit to the endpoint (which answers 404: there is no such claim).
        using (var within = await UploadAsync(20 * 1024 * 1024)) Assert.Equal(HttpStatusCode.NotFound, within.StatusCode);
        using var over = await UploadAsync(22 * 1024 * 1024);
        await AssertTooLargeAsync(over, api: false);
    }

    [Fact]
    public async Task On_kestrel_a_chunked_body_over_the_limit_answers_413_not_500()
    {
        await using var factory = new PortalFactory(Database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        client.BaseAddress = factory.ClientOptions.BaseAddress;

        // No Content-Length: the body streams in chunks, so only Kestrel's limit can stop it, while the endpoint reads it.
        using var json = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"district\":\"" + new string('x', 2 * 1024 * 1024) + "\"}")));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calculations") { Content = json };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        var token = Forms.HiddenFields(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative)))["__RequestVerificationToken"];
        using var form = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&_handler=login&Input.UserName={new string('a', 2 * 1024 * 1024)}")));
        form.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = form };
        post.Headers.TransferEncodingChunked = true;
        using var formResponse = await client.SendAsync(post);
        await AssertTooLargeAsync(formResponse, api: false);
    }
}
