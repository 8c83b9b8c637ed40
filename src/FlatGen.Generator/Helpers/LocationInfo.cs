using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FlatGen.Generator.Helpers;

/// <summary>A <see cref="Location"/> as plain data, so that diagnostics can travel through the cached pipeline.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>
    /// Rebuilds the location in <paramref name="compilation"/>'s syntax tree for the same file, so that
    /// <c>#pragma warning disable</c> applies to it; an external-file location would ignore pragmas.
    /// </summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && TextSpan.End <= tree.Length)
            {
                return Location.Create(tree, TextSpan);
            }
        }

        return Location.Create(FilePath, TextSpan, LineSpan);
    }
}
