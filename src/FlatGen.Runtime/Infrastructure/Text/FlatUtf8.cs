using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>UTF-16 text measured as the UTF-8 it becomes, refusing what would not come back unchanged.</summary>
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
        if (!Vector128.IsHardwareAccelerated || !BitConverter.IsLittleEndian || text.Length > ShortAsciiLength)
        {
            return false;
        }

        ref ushort source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        nuint length = (nuint)text.Length;
        Vector128<ushort> nonAscii = Vector128.Create((ushort)0xFF80);
        if (length >= 16)
        {
            // The first 16 units and the last 16, overlapping: two stores of 16 bytes.
            Vector128<ushort> first = Vector128.LoadUnsafe(ref source);
            Vector128<ushort> second = Vector128.LoadUnsafe(ref source, 8);
            Vector128<ushort> penultimate = Vector128.LoadUnsafe(ref source, length - 16);
            Vector128<ushort> last = Vector128.LoadUnsafe(ref source, length - 8);
            if (((first | second | penultimate | last) & nonAscii) != Vector128<ushort>.Zero)
            {
                return false;
            }

            Vector128.Narrow(first, second).StoreUnsafe(ref destination);
            Vector128.Narrow(penultimate, last).StoreUnsafe(ref destination, length - 16);
            return true;
        }

        if (length >= 8)
        {
            // The first 8 units and the last 8, overlapping: one narrowing, two stores of 8 bytes.
            Vector128<ushort> first = Vector128.LoadUnsafe(ref source);
            Vector128<ushort> last = Vector128.LoadUnsafe(ref source, length - 8);
            if (((first | last) & nonAscii) != Vector128<ushort>.Zero)
            {
                return false;
            }

            Vector128<ulong> bytes = Vector128.Narrow(first, last).AsUInt64();
            Unsafe.WriteUnaligned(ref destination, bytes.ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - 8), bytes.GetElement(1));
            return true;
        }

        if (length >= 4)
        {
            // The first 4 units and the last 4, overlapping, as the two halves of one vector.
            Vector128<ushort> units = Vector128.Create(
                Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref source)),
                Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref source, length - 4)))).AsUInt16();
            if ((units & nonAscii) != Vector128<ushort>.Zero)
            {
                return false;
            }

            Vector128<uint> bytes = Vector128.Narrow(units, units).AsUInt32();
            Unsafe.WriteUnaligned(ref destination, bytes.ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - 4), bytes.GetElement(1));
            return true;
        }

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
