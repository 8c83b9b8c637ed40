using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FlatGen.Benchmarks;

/// <summary>
/// Kestrel's own request header collection, <c>HttpRequestHeaders</c>, which is internal to the ASP.NET Core shared
/// framework: created and fed through .NET 10's <see cref="UnsafeAccessorAttribute"/> exactly as Kestrel's HTTP/1.1
/// parser feeds it (<c>Append</c> per header line, <c>OnHeadersComplete</c>, <c>Reset</c> between requests), and read
/// through <see cref="IHeaderDictionary"/>, as an application reads it.
/// </summary>
public static class KestrelRequestHeaders
{
    private const string TypeName = "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpRequestHeaders, Microsoft.AspNetCore.Server.Kestrel.Core";

    // Reset is declared on the base class, and an accessor binds to the type that declares the member.
    private const string BaseTypeName = "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpHeaders, Microsoft.AspNetCore.Server.Kestrel.Core";

    /// <summary>Creates the collection; <paramref name="reuseHeaderValues"/> is Kestrel's default, <see langword="true"/>.</summary>
    public static IHeaderDictionary Create(bool reuseHeaderValues) => (IHeaderDictionary)Construct(reuseHeaderValues, encodingSelector: null);

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    [return: UnsafeAccessorType(TypeName)]
    private static extern object Construct(bool reuseHeaderValues, Func<string, Encoding?>? encodingSelector);

    /// <summary>Adds one header line's name and value bytes, as the parser does.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Append")]
    public static extern void Append([UnsafeAccessorType(TypeName)] object headers, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool checkForNewlineChars);

    /// <summary>Ends the header block: Kestrel makes the collection read-only and checks what it must.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "OnHeadersComplete")]
    public static extern void OnHeadersComplete([UnsafeAccessorType(TypeName)] object headers);

    /// <summary>Readies the collection for the next request on the connection, keeping values to reuse.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Reset")]
    public static extern void Reset([UnsafeAccessorType(BaseTypeName)] object headers);
}
