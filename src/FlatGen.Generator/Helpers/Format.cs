using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace FlatGen.Generator.Helpers;

/// <summary>How the generator writes numbers and literals, in generated code and in diagnostics: invariant, exact.</summary>
internal static class Format
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# string literal of <paramref name="text"/>, escaped as needed.</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>A C# character literal of <paramref name="c"/>, escaped as needed.</summary>
    public static string Literal(char c) => SymbolDisplay.FormatLiteral(c, quote: true);

    /// <summary>A key for an XML doc comment: its C# literal, XML-escaped, so no character can break the comment.</summary>
    public static string XmlLiteral(string text) =>
        Literal(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>An ASCII letter in lower case; any other character as it is. Folding for ignore-case matching of known keys.</summary>
    public static char FoldAsciiLetter(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
