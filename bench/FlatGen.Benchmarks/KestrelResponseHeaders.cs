using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// Kestrel's own response header collection, <c>HttpResponseHeaders</c>, internal to the ASP.NET Core shared framework:
/// created through .NET 10's <see cref="UnsafeAccessorAttribute"/>, filled at its strongest (its own
/// <c>AddValueFast</c>, the one lookup behind <see cref="IDictionary{TKey, TValue}.Add"/> without the throw on a name
/// already set), read and enumerated through <see cref="IHeaderDictionary"/> as middleware reads it, and reset between
/// responses as Kestrel resets it.
/// </summary>
public static class KestrelResponseHeaders
{
    private const string TypeName = "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpResponseHeaders, Microsoft.AspNetCore.Server.Kestrel.Core";

    // Reset is declared on the base class, and an accessor binds to the type that declares the member.
    private const string BaseTypeName = "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpHeaders, Microsoft.AspNetCore.Server.Kestrel.Core";

    /// <summary>Creates the collection with Kestrel's default encoding (no selector).</summary>
    public static IHeaderDictionary Create() => (IHeaderDictionary)Construct(encodingSelector: null);

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    [return: UnsafeAccessorType(TypeName)]
    private static extern object Construct(Func<string, Encoding?>? encodingSelector);

    /// <summary>Sets a name not yet set, validating its value as Kestrel does; <see langword="false"/> when the name is set already.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "AddValueFast")]
    public static extern bool AddValueFast([UnsafeAccessorType(TypeName)] object headers, string key, StringValues value);

    /// <summary>Readies the collection for the next response on the connection.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Reset")]
    public static extern void Reset([UnsafeAccessorType(BaseTypeName)] object headers);
}
