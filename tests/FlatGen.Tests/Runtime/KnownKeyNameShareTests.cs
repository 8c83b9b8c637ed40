using System.Reflection;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// A known key's values accessor takes its name before another known key's other members: with "Cookie" and
/// "Set-Cookie" known, <c>SetCookie</c> is "Set-Cookie"'s values, and "Cookie" has no <c>SetCookie</c> member.
/// </summary>
public sealed class KnownKeyNameShareTests
{
    [Fact]
    public void SetCookie_is_the_values_of_Set_Cookie()
    {
        var map = new CookieMap();
        map.AddCookie("a=1");
        map.AddSetCookie("session=2; HttpOnly");
        map.AddSetCookie("theme=dark");

        Assert.Equal(["session=2; HttpOnly", "theme=dark"], map.SetCookie.ToArray());
        Assert.Equal(["a=1"], map.Cookie.ToArray());
    }

    [Fact]
    public void Cookie_keeps_every_member_but_the_one_Set_Cookie_took()
    {
        string[] members = typeof(CookieMap).GetMembers(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToArray();

        Assert.Contains("Cookie", members);
        Assert.Contains("CookieFirst", members);
        Assert.Contains("HasCookie", members);
        Assert.Contains("AddCookie", members);
        Assert.Contains("RemoveCookie", members);
        Assert.Single(typeof(CookieMap).GetMember("SetCookie"));
        Assert.Equal(typeof(ReadOnlySpan<string>), typeof(CookieMap).GetProperty("SetCookie")!.PropertyType);
        Assert.Contains("SetSetCookie", members);
    }

    [Fact]
    public void Set_by_name_still_sets_Cookie()
    {
        var map = new CookieMap();
        map.AddCookie("a=1");
        map.AddCookie("b=2");

        map.Set("cookie", "c=3");

        Assert.Equal(["c=3"], map.Cookie.ToArray());
    }
}
