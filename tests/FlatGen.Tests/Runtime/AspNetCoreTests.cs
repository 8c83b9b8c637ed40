using System.Text;
using FlatGen.Tests.Maps;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// With Microsoft.Extensions.Primitives referenced, maps take and give <see cref="StringValues"/>: a key's values
/// whole or not at all, header dictionaries in and out, and <c>Results.Ok(map)</c> from a minimal API handler.
/// </summary>
public sealed class AspNetCoreTests
{
    [Fact]
    public void A_key_s_StringValues_are_added_all_or_none()
    {
        var map = new TinyMap();
        Assert.True(map.TryAdd("accept", new StringValues(["a", "b", "c"])));
        Assert.True(map.TryAdd("empty", StringValues.Empty)); // Adds nothing.
        Assert.Equal(["a", "b", "c"], map.GetValues("accept").ToArray());
        Assert.False(map.ContainsKey("empty"));

        // Five value slots are left of eight: six values do not fit, and nothing is added.
        List<string[]> before = map.Entries();
        Assert.False(map.TryAdd("x", new StringValues(["1", "2", "3", "4", "5", "6"])));
        FlatMapFullException full = Assert.Throws<FlatMapFullException>(() => map.Add("accept", new StringValues(["1", "2", "3", "4", "5", "6"])));
        Assert.Equal("ValueCapacity", full.CapacityName);
        Assert.Throws<ArgumentNullException>("values", () => map.Add("x", new StringValues(["ok", null])));
        Assert.Equal(before, map.Entries());

        map.Add("b", "1");
        map.Add("c", "1");
        map.Add("d", "1");
        Assert.Equal("KeyCapacity", Assert.Throws<FlatMapFullException>(() => map.Add("e", new StringValues("1"))).CapacityName);
    }

    [Fact]
    public void Request_headers_go_in_whole_keys_at_a_time_and_out_to_a_header_dictionary()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Host = "example.com";
        context.Request.Headers.Accept = new StringValues(["text/html", "*/*"]);
        context.Request.Headers["X-Many"] = new StringValues(["1", "2", "3", "4", "5", "6", "7"]);
        context.Request.Headers["X-One"] = "1";

        var map = new TinyMap();
        Assert.False(map.TryAddRange(context.Request.Headers, out int notAdded));

        Assert.Equal(1, notAdded); // X-Many's seven values do not fit in what is left of eight; the others do.
        Assert.Equal(["text/html", "*/*"], map.GetValues("Accept").ToArray());
        Assert.Equal(["example.com"], map.GetValues("Host").ToArray());
        Assert.Equal(["1"], map.GetValues("X-One").ToArray());
        Assert.False(map.ContainsKey("X-Many"));

        map.CopyTo(context.Response.Headers);
        Assert.Equal(new StringValues(["text/html", "*/*"]), context.Response.Headers.Accept);
        Assert.Equal("example.com", context.Response.Headers.Host);
    }

    [Fact]
    public void StringValues_come_out_without_allocating_for_one_value()
    {
        var map = new SmallMap();
        map.Add("one", "only");
        map.Add("two", "a");
        map.Add("two", "b");

        long before = GC.GetAllocatedBytesForCurrentThread();
        StringValues one = map.GetStringValues("one");
        StringValues none = map.GetStringValues("absent");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Same(map.GetValues("one")[0], one.ToString());
        Assert.Equal(0, none.Count);
        Assert.Equal(new StringValues(["a", "b"]), map.GetStringValues("two"));
    }

    [Fact]
    public async Task A_minimal_API_handler_copies_request_headers_into_a_map_and_returns_it_as_JSON()
    {
        RequestDelegate handler = RequestDelegateFactory.Create((HttpContext context) =>
        {
            var headers = new KnownHeadersMap();
            headers.TryAddRange(context.Request.Headers, out _);
            return Results.Ok(headers);
        }).RequestDelegate;
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Headers.Host = "example.com";
        context.Request.Headers["x-one"] = new StringValues(["1", "2"]);
        context.Response.Body = new MemoryStream();

        await handler(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("""{"Host":["example.com"],"x-one":["1","2"]}""", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
