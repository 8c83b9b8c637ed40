using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FlatGen.Generator.Helpers;

/// <summary>Turns a known key into the name of its typed accessor.</summary>
internal static class MemberNames
{
    /// <summary>
    /// Keeps the key's letters and digits, splits it at every other character (<c>-</c>, <c>_</c>, <c>.</c>, spaces…)
    /// and capitalises each part: <c>Content-Type</c> gives <c>ContentType</c>, <c>x-request-id</c> gives
    /// <c>XRequestId</c>. The result may be empty or start with a digit; see <see cref="IsValid"/>.
    /// </summary>
    public static string FromKey(string key)
    {
        var name = new StringBuilder(key.Length);
        bool startOfPart = true;
        foreach (char c in key)
        {
            if (c == '_' || !SyntaxFacts.IsIdentifierPartCharacter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                startOfPart = true;
                continue;
            }

            name.Append(startOfPart ? char.ToUpperInvariant(c) : c);
            startOfPart = false;
        }

        return name.ToString();
    }

    /// <summary>The longest name, in UTF-8 bytes, that metadata holds; a longer identifier is error CS7013.</summary>
    public const int MaxMetadataNameBytes = 1024;

    /// <summary>Whether <paramref name="name"/> fits in metadata.</summary>
    public static bool FitsMetadata(string name) => Encoding.UTF8.GetByteCount(name) <= MaxMetadataNameBytes;

    /// <summary>Whether <paramref name="name"/> is a C# identifier that needs no <c>@</c>.</summary>
    public static bool IsValid(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;
}
