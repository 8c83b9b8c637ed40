using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// UTF-16 text measured as the UTF-8 it becomes, refusing what would not come back unchanged; short ASCII text narrowed,
/// tested and copied inline, where the runtime's calls dispatch on the length.
/// </summary>
internal static class FlatUtf8
{
    /// <summary>The longest text <see cref="TryNarrowShortAscii"/> narrows.</summary>
    public const int ShortAsciiLength = 32;

    /// <summary>Gets the UTF-8 length of <paramref name="text"/>, or the index of its first lone surrogate, which has no UTF-8 form.</summary>
    /// <returns><see langword="true"/> if the text is valid UTF-16; otherwise <see langword="false"/>, and <paramref name="byteCount"/> is the lone surrogate's index.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // The ASCII test inline, as on an inline map's add path before.
    public static bool TryGetByteCount(ReadOnlySpan<char> text, out int byteCount)
    {
        if (Ascii.IsValid(text))
        {
            byteCount = text.Length;
            return true;
        }

        return TryGetNonAsciiByteCount(text, out byteCount);
    }

    /// <summary>
    /// Writes ASCII <paramref name="text"/> of at most <see cref="ShortAsciiLength"/> units as its UTF-8 bytes, one a
    /// unit, at <paramref name="destination"/>, inline: in overlapping words of 8 units, where <see cref="Ascii.FromUtf16"/>
    /// is a call that dispatches on the length. The caller has room for <c>text.Length</c> bytes there.
    /// </summary>
    /// <returns><see langword="false"/> for longer text, text with a unit that is not ASCII, or no vector hardware; the destination may then hold anything.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryNarrowShortAscii(ReadOnlySpan<char> text, ref byte destination)
    {
        nuint length = (nuint)text.Length;
        if (length >= 4)
        {
            if (!TryNarrowShortAsciiWords(text, out Vector128<byte> head, out Vector128<byte> tail))
            {
                return false;
            }

            StoreShortAsciiWords(head, tail, ref destination, length);
            return true;
        }

        if (!Vector128.IsHardwareAccelerated || !BitConverter.IsLittleEndian)
        {
            return false;
        }

        ref ushort source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        for (nuint i = 0; i < length; i++)
        {
            ushort unit = Unsafe.Add(ref source, i);
            if (unit >= 0x80)
            {
                return false;
            }

            Unsafe.Add(ref destination, i) = (byte)unit;
        }

        return true;
    }

    /// <summary>
    /// Narrows ASCII <paramref name="text"/> of 4 to <see cref="ShortAsciiLength"/> units into two vectors, the words a
    /// hash or a comparison of its UTF-8 bytes loads (<see cref="LoadShortAsciiWords"/> loads the same from the bytes): 16 units
    /// or more, the first 16 bytes and the last 16; 8 to 15, the first 8 and the last 8 in <paramref name="head"/>; 4 to
    /// 7, the first 4 and the last 4 in its low half. In the shorter forms <paramref name="tail"/> is <paramref name="head"/>.
    /// </summary>
    /// <returns><see langword="false"/> for text of another length, text with a unit that is not ASCII, or no vector hardware.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryNarrowShortAsciiWords(ReadOnlySpan<char> text, out Vector128<byte> head, out Vector128<byte> tail)
    {
        nuint length = (nuint)text.Length;
        if (!Vector128.IsHardwareAccelerated || !BitConverter.IsLittleEndian || length - 4 > ShortAsciiLength - 4)
        {
            head = tail = default;
            return false;
        }

        ref ushort source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        Vector128<ushort> nonAscii = Vector128.Create((ushort)0xFF80);
        Vector128<ushort> seen;
        if (length >= 16)
        {
            Vector128<ushort> first = Vector128.LoadUnsafe(ref source);
            Vector128<ushort> second = Vector128.LoadUnsafe(ref source, 8);
            Vector128<ushort> penultimate = Vector128.LoadUnsafe(ref source, length - 16);
            Vector128<ushort> last = Vector128.LoadUnsafe(ref source, length - 8);
            seen = first | second | penultimate | last;
            head = Vector128.Narrow(first, second);
            tail = Vector128.Narrow(penultimate, last);
        }
        else if (length >= 8)
        {
            Vector128<ushort> first = Vector128.LoadUnsafe(ref source);
            Vector128<ushort> last = Vector128.LoadUnsafe(ref source, length - 8);
            seen = first | last;
            head = tail = Vector128.Narrow(first, last);
        }
        else
        {
            seen = Vector128.Create(
                Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref source)),
                Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref source, length - 4)))).AsUInt16();
            head = tail = Vector128.Narrow(seen, seen);
        }

        return (seen & nonAscii) == Vector128<ushort>.Zero;
    }

    /// <summary>Stores the words of <see cref="TryNarrowShortAsciiWords"/> as the <paramref name="length"/> bytes they hold, at <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreShortAsciiWords(Vector128<byte> head, Vector128<byte> tail, ref byte destination, nuint length)
    {
        if (length >= 16)
        {
            head.StoreUnsafe(ref destination);
            tail.StoreUnsafe(ref destination, length - 16);
        }
        else if (length >= 8)
        {
            Unsafe.WriteUnaligned(ref destination, head.AsUInt64().ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - 8), head.AsUInt64().GetElement(1));
        }
        else
        {
            Unsafe.WriteUnaligned(ref destination, head.AsUInt32().ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - 4), head.AsUInt32().GetElement(1));
        }
    }

    /// <summary>
    /// Loads 4 to <see cref="ShortAsciiLength"/> bytes at <paramref name="source"/> in the layout of
    /// <see cref="TryNarrowShortAsciiWords"/>: UTF-8 bytes equal to narrowed text load equal to it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadShortAsciiWords(ref byte source, nuint length, out Vector128<byte> head, out Vector128<byte> tail)
    {
        if (length >= 16)
        {
            head = Vector128.LoadUnsafe(ref source);
            tail = Vector128.LoadUnsafe(ref source, length - 16);
        }
        else if (length >= 8)
        {
            head = tail = Vector128.Create(Unsafe.ReadUnaligned<ulong>(ref source), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, length - 8))).AsByte();
        }
        else
        {
            uint first = Unsafe.ReadUnaligned<uint>(ref source), last = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, length - 4));
            head = tail = Vector128.Create(first, last, first, last).AsByte();
        }
    }

    /// <summary>Returns whether <paramref name="text"/> is valid UTF-8, ASCII tested first (<see cref="IsAscii"/>), as most text is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsValid(ReadOnlySpan<byte> text) => IsAscii(text) || Utf8.IsValid(text);

    /// <summary>
    /// Returns whether <paramref name="text"/> is all ASCII: 4 to <see cref="ShortAsciiLength"/> bytes tested inline in the
    /// words <see cref="LoadShortAsciiWords"/> loads, where <see cref="Ascii.IsValid(ReadOnlySpan{byte})"/> is a call that
    /// dispatches on the length; other text by that call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAscii(ReadOnlySpan<byte> text)
    {
        nuint length = (nuint)text.Length;
        if (!Vector128.IsHardwareAccelerated || length - 4 > ShortAsciiLength - 4)
        {
            return Ascii.IsValid(text);
        }

        LoadShortAsciiWords(ref MemoryMarshal.GetReference(text), length, out Vector128<byte> head, out Vector128<byte> tail);
        return (head | tail).ExtractMostSignificantBits() == 0;
    }

    /// <summary>
    /// Copies <paramref name="source"/> to the start of <paramref name="destination"/>: 4 to <see cref="ShortAsciiLength"/>
    /// bytes inline, as the overlapping words <see cref="LoadShortAsciiWords"/> loads, where <see cref="Span{T}.CopyTo"/>
    /// is a call that dispatches on the length; other lengths by that call. Every word is loaded before any is stored, so
    /// the two may overlap, as <see cref="Span{T}.CopyTo"/> allows.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        nuint length = (nuint)source.Length;
        if (!Vector128.IsHardwareAccelerated || length - 4 > ShortAsciiLength - 4 || source.Length > destination.Length)
        {
            source.CopyTo(destination);
            return;
        }

        LoadShortAsciiWords(ref MemoryMarshal.GetReference(source), length, out Vector128<byte> head, out Vector128<byte> tail);
        StoreShortAsciiWords(head, tail, ref MemoryMarshal.GetReference(destination), length);
    }

    private static bool TryGetNonAsciiByteCount(ReadOnlySpan<char> text, out int byteCount)
    {
        byteCount = 0;
        for (int i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.Slice(i), out Rune rune, out int read) != OperationStatus.Done)
            {
                byteCount = i;
                return false;
            }

            byteCount += rune.Utf8SequenceLength;
            i += read;
        }

        return true;
    }
}
