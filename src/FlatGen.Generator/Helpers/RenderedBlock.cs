using System;

namespace FlatGen.Generator.Helpers;

/// <summary>
/// Members every map writes the same, whatever its spec: rendered once a process at each indentation they are met at,
/// then copied whole into each file, with no line to scan or indent again. The block must not start with
/// <see cref="SourceWriter.WriteSeparator"/>, whose output depends on the text before it.
/// </summary>
internal sealed class RenderedBlock
{
    /// <summary>The deepest indentation a rendering is kept for; a map nested deeper is written line by line.</summary>
    public const int MaxCachedIndentation = 7;

    private readonly Action<SourceWriter> _write;
    private readonly string?[] _renderings = new string?[MaxCachedIndentation + 1];

    /// <summary>Initializes a block that <paramref name="write"/> writes.</summary>
    public RenderedBlock(Action<SourceWriter> write) => _write = write;

    /// <summary>Writes the block line by line, as it was rendered.</summary>
    public void WriteLines(SourceWriter writer) => _write(writer);

    /// <summary>The block's text at <paramref name="indentation"/>, rendered at its first use (two threads may both render it, to the same text).</summary>
    public string RenderedAt(int indentation) => _renderings[indentation] ??= SourceWriter.Render(indentation, _write);
}
