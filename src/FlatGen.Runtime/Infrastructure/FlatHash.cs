using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// The key hashes of the flat multi-maps: four UTF-16 code units per multiply, from a seed. Reference maps live in
/// one process and hash with <see cref="ProcessSeed"/>, random per process, so keys chosen to collide cannot be
/// computed beforehand; inline maps are persisted and hash with <see cref="PersistedSeed"/>, so their stored hashes
/// mean the same in every process (their format version changes with this function).
/// </summary>
internal static class FlatHash
{
    private const ulong Multiplier = 0x9E37_79B9_7F4A_7C15;

    /// <summary>The seed of reference maps' hashes: random per process; a <see langword="static readonly"/>, so a JIT constant.</summary>
    public static readonly ulong ProcessSeed = BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(sizeof(ulong)));

    /// <summary>The seed of inline maps' hashes, which their bytes store.</summary>
    public const ulong PersistedSeed = 0;

    // A lane is ASCII when its high 9 bits are clear. Only letters fold: merging punctuation too ('^' with '~', '@'
    // with '`') would let chosen keys collide by the thousand (2^n keys of n such characters, one hash).
    private const ulong NonAsciiBits64 = 0xFF80_FF80_FF80_FF80;
    private const uint NonAsciiBits32 = 0xFF80_FF80;
    private const ushort NonAsciiBits16 = 0xFF80;
    private const ulong Lanes = 0x0001_0001_0001_0001;

    /// <summary>Hashes <paramref name="key"/> by its UTF-16 code units, from <paramref name="seed"/>.</summary>
    public static uint Ordinal(ReadOnlySpan<char> key, ulong seed = PersistedSeed) => HashWords(key, ignoreCase: false, seed);

    /// <summary>
    /// Hashes <paramref name="key"/> from <paramref name="seed"/> so that keys equal under
    /// <see cref="StringComparison.OrdinalIgnoreCase"/> hash equally: a word-at-a-time path for ASCII keys, a
    /// per-character path for the rest.
    /// </summary>
    public static uint OrdinalIgnoreCase(ReadOnlySpan<char> key, ulong seed = PersistedSeed) => HashWords(key, ignoreCase: true, seed);

    /// <summary>
    /// Reads four, then two, then one code unit at a time. Both callers pass a constant
    /// <paramref name="ignoreCase"/>, so after inlining the JIT keeps only one of its branches.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint HashWords(ReadOnlySpan<char> key, bool ignoreCase, ulong seed)
    {
        ref byte data = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(key));
        nuint length = (nuint)key.Length * sizeof(char);
        ulong hash = Start(key.Length, seed);
        nuint offset = 0;
        for (; offset + sizeof(ulong) <= length; offset += sizeof(ulong))
        {
            ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, offset));
            if (ignoreCase)
            {
                if ((word & NonAsciiBits64) != 0)
                {
                    return OrdinalIgnoreCaseNonAscii(key, seed);
                }

                word = FoldLetters(word);
            }

            hash = Mix(hash, word);
        }

        if (offset + sizeof(uint) <= length)
        {
            uint word = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref data, offset));
            if (ignoreCase)
            {
                if ((word & NonAsciiBits32) != 0)
                {
                    return OrdinalIgnoreCaseNonAscii(key, seed);
                }

                word = (uint)FoldLetters(word);
            }

            hash = Mix(hash, word);
            offset += sizeof(uint);
        }

        if (offset < length)
        {
            ushort word = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref data, offset));
            if (ignoreCase)
            {
                if ((word & NonAsciiBits16) != 0)
                {
                    return OrdinalIgnoreCaseNonAscii(key, seed);
                }

                word = (ushort)FoldLetters(word);
            }

            hash = Mix(hash, word);
        }

        return Finish(hash);
    }

    /// <summary>
    /// Sets 0x20 in each lane of <paramref name="word"/> (16-bit lanes, all ASCII) that holds a letter, and in no
    /// other: with the lane OR-ed with 0x20, adding 0x1F carries into bit 7 from 'a' up and adding 0x05 past 'z'.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FoldLetters(ulong word)
    {
        ulong lowered = word | (0x20 * Lanes);
        ulong letters = (lowered + (0x1F * Lanes)) & ~(lowered + (0x05 * Lanes)) & (0x80 * Lanes);
        return word | (letters >> 2);
    }

    /// <summary>
    /// The per-character ignore-case hash of a key that holds a non-ASCII character. Two keys equal under
    /// OrdinalIgnoreCase have the same length and, at each position, both an ASCII letter of either case, both
    /// a surrogate, or both BMP characters on which <see cref="char.ToUpperInvariant"/> agrees (the tests prove
    /// this for every BMP character), so each position folds to the same code.
    /// </summary>
    /// <remarks>
    /// Every surrogate folds to one code: <see cref="System.Text.Rune.ToUpperInvariant"/> does not agree with
    /// OrdinalIgnoreCase on every supplementary character (U+10D50 and U+10D70, Garay, on .NET 10 with this
    /// machine's ICU), so folding by it would make equal keys miss. Keys of many surrogate pairs therefore collide
    /// more than others; the capacity bounds the cost.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint OrdinalIgnoreCaseNonAscii(ReadOnlySpan<char> key, ulong seed)
    {
        ulong hash = Start(key.Length, seed);
        foreach (char c in key)
        {
            hash = Mix(hash, FoldCase(c));
        }

        return Finish(hash);
    }

    /// <summary>Folds one UTF-16 code unit to the code it hashes as under OrdinalIgnoreCase.</summary>
    internal static char FoldCase(char c) =>
        c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c)
        : char.IsSurrogate(c) ? '\uD800'
        : char.ToUpperInvariant(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Start(int length, ulong seed) => ((ulong)(uint)length ^ seed) * Multiplier;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong hash, ulong word) => (BitOperations.RotateLeft(hash, 5) ^ word) * Multiplier;

    /// <summary>
    /// The home slot of <paramref name="hash"/> in a table of <paramref name="slotCount"/> slots (a power of two):
    /// its top bits. A multiply carries every input bit upward only, so the top bits are the well-mixed ones
    /// (Fibonacci hashing), and no finishing round is needed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HomeSlot(uint hash, int slotCount) => (int)(hash >> (32 - BitOperations.Log2((uint)slotCount)));

    // The high half of the last product depends on every bit that went in.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Finish(ulong hash) => (uint)(hash >> 32);
}
