using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FlatGen.Infrastructure;

/// <summary>
/// The key hashes of the flat multi-maps, built for short keys: the UTF-16 bytes (a packed map's keys, and a reference
/// map's ASCII keys of up to 32 units ignoring case: the UTF-8 bytes, a byte a lane) are read with overlapping loads
/// (a key of up to 8 characters is two loads, up to 16 four) into independent lanes, each lane one folded multiply
/// (the high and low halves of a 64×64-bit product XOR-ed, as in foldhash and rapidhash). Reference maps live in one
/// process and hash with <see cref="ProcessSeed"/>, random per process, so keys chosen to collide cannot be computed
/// beforehand; inline and packed maps are persisted and hash with <see cref="PersistedSeed"/>, so their hashes mean the
/// same in every process. This function is part of both formats: changing it changes
/// <see cref="FlatInlineFormat.Version"/> and <see cref="FlatPackedFormat.Version"/>, and the golden values in the
/// tests say when it changed. The ignore-case key comparison lives here too: it compares by the same letter fold.
/// </summary>
internal static class FlatHash
{
    // Digits of pi, as foldhash takes its constants: any odd-looking, dense values do.
    private const ulong Pi0 = 0x243F_6A88_85A3_08D3;
    private const ulong Pi1 = 0x1319_8A2E_0370_7344;
    private const ulong Pi2 = 0xA409_3822_299F_31D0;
    private const ulong Pi3 = 0x082E_FA98_EC4E_6C89;

    // Two static readonly words rather than one struct: the JIT takes each as a constant once the class is initialised.
    private static readonly ulong ProcessFirst = RandomWord();
    private static readonly ulong ProcessSecond = RandomWord();

    /// <summary>Gets the seed of reference maps' hashes: random per process.</summary>
    public static HashSeed ProcessSeed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(ProcessFirst, ProcessSecond);
    }

    /// <summary>Gets the seed of inline maps' hashes until chosen keys make a probe long (a stored seed of zero).</summary>
    public static HashSeed PersistedSeed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Pi0, Pi1);
    }

    /// <summary>The seed of an inline map that stores <paramref name="stored"/>: <see cref="PersistedSeed"/> for zero, else one derived from the random word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HashSeed InlineSeed(ulong stored) => new(Pi0 ^ stored, Pi1 ^ BitOperations.RotateLeft(stored * Pi2, 32));

    /// <summary>A random word for an inline map's seed, never zero (which stands for <see cref="PersistedSeed"/>).</summary>
    public static ulong RandomInlineSeed()
    {
        ulong word;
        do
        {
            word = RandomWord();
        }
        while (word == 0);
        return word;
    }

    // A 16-bit lane is ASCII when its high 9 bits are clear; a byte lane when its high bit is.
    private const ulong NonAsciiBits = 0xFF80_FF80_FF80_FF80;
    private const ulong Lanes = 0x0001_0001_0001_0001;
    private const ulong NonAsciiByteBits = 0x8080_8080_8080_8080;
    private const ulong ByteLanes = 0x0101_0101_0101_0101;

    /// <summary>Hashes <paramref name="key"/> by its UTF-16 code units.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Ordinal(ReadOnlySpan<char> key, HashSeed seed)
    {
        Hash(key, seed, ignoreCase: false, out uint hash);
        return hash;
    }

    /// <summary>
    /// Hashes <paramref name="key"/> so that keys equal under <see cref="StringComparison.OrdinalIgnoreCase"/> hash
    /// equally, in this process: an ASCII key by its code units with letters folded, any other key by the runtime's
    /// own ignore-case hash (randomized per process, and defined by the same case tables as the comparison).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint OrdinalIgnoreCase(ReadOnlySpan<char> key, HashSeed seed) =>
        Hash(key, seed, ignoreCase: true, out uint hash) ? hash : OrdinalIgnoreCaseNonAscii(key);

    /// <summary>
    /// Hashes an ASCII <paramref name="key"/> with its letters folded; returns <see langword="false"/> for a key that
    /// holds a non-ASCII character, whose case folding depends on the runtime's Unicode tables and so has no hash
    /// that means the same on every machine.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryOrdinalIgnoreCaseAscii(ReadOnlySpan<char> key, HashSeed seed, out uint hash) =>
        Hash(key, seed, ignoreCase: true, out hash);

    /// <summary>
    /// Hashes <paramref name="key"/> by its bytes, one a lane: the packed format's hash of a key's UTF-8, the same
    /// function as <see cref="Ordinal"/> over bytes rather than code units (a key of up to 3 bytes reads its first,
    /// middle and last).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Utf8(ReadOnlySpan<byte> key, HashSeed seed)
    {
        HashBytes(ref MemoryMarshal.GetReference(key), (nuint)key.Length, seed, ignoreCase: false, utf8: true, out uint hash);
        return hash;
    }

    /// <summary>Hashes ASCII <paramref name="key"/> bytes with their letters folded, as <see cref="Utf8"/> does; <see langword="false"/> for a key with a byte that is not ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryUtf8IgnoreCaseAscii(ReadOnlySpan<byte> key, HashSeed seed, out uint hash) =>
        HashBytes(ref MemoryMarshal.GetReference(key), (nuint)key.Length, seed, ignoreCase: true, utf8: true, out hash);

    /// <summary>
    /// <see cref="Utf8"/> of 4 to 32 bytes already loaded as <see cref="FlatUtf8.TryNarrowShortAsciiWords"/> lays them
    /// out (letters folded by <see cref="FoldLetters(Vector128{byte})"/> to hash ignoring case): the words the hash would
    /// load, read from registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Utf8Words(Vector128<byte> head, Vector128<byte> tail, int length, HashSeed seed)
    {
        ulong state = seed.First + (ulong)length;
        if (length <= 16)
        {
            (ulong first, ulong last) = length >= 8
                ? (head.AsUInt64().ToScalar(), head.AsUInt64().GetElement(1))
                : (head.AsUInt32().ToScalar(), head.AsUInt32().GetElement(1));
            state = Short(state, seed.Second, first, last);
        }
        else
        {
            // HashLong of a key of 17 to 32 bytes: no round, each lane its last 16 bytes.
            ulong lane0 = FoldedMultiply(state ^ head.AsUInt64().ToScalar(), seed.Second ^ head.AsUInt64().GetElement(1));
            ulong lane1 = FoldedMultiply(state ^ Pi2 ^ tail.AsUInt64().ToScalar(), seed.Second ^ tail.AsUInt64().GetElement(1));
            state = JoinLanes(lane0, lane1);
        }

        return (uint)(state >> 32);
    }

    /// <summary>
    /// Hashes <paramref name="key"/> under <see cref="StringComparison.OrdinalIgnoreCase"/> for a map that lives in this
    /// process (<see cref="ProcessSeed"/>): an ASCII key of up to 32 units by its bytes with their letters folded, as
    /// <see cref="TryUtf8IgnoreCaseAscii"/> hashes them, any other as <see cref="OrdinalIgnoreCase"/> does. Which form a
    /// key takes depends on the key alone, so keys equal ignoring case hash equally.
    /// </summary>
    /// <remarks>
    /// The fold is most of an ignore-case hash: the narrowed bytes fold as one vector where the units took two words
    /// or two vectors, and half the bytes take one multiply and its fold up to 16 units, not two and a join. An
    /// ordinal hash has no fold, and narrowing made it slower up to 16 units (bench/results/analysis.md): it hashes the units.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ProcessOrdinalIgnoreCase(ReadOnlySpan<char> key)
    {
        if (FlatUtf8.TryNarrowShortAsciiWords(key, out Vector128<byte> head, out Vector128<byte> tail))
        {
            // Up to 16 units the tail is the head, which is all the hash reads.
            return Utf8Words(FoldLetters(head), key.Length > 16 ? FoldLetters(tail) : tail, key.Length, ProcessSeed);
        }

        if (key.Length < 4 && TryNarrowTinyAscii(key, out ulong bytes))
        {
            return (uint)(Short(ProcessFirst + (ulong)key.Length, ProcessSecond, FoldLetterBytes(bytes), 0) >> 32);
        }

        return ProcessOrdinalIgnoreCaseByUnits(key);
    }

    /// <summary>
    /// The word <see cref="HashBytes"/> reads from the UTF-8 of ASCII <paramref name="key"/> of fewer than 4 units: its
    /// first, middle and last byte; zero for the empty key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryNarrowTinyAscii(ReadOnlySpan<char> key, out ulong bytes)
    {
        if (key.Length == 0)
        {
            bytes = 0;
            return true;
        }

        ulong first = key[0], middle = key[key.Length >> 1], last = key[^1];
        bytes = first | (middle << 8) | (last << 16);
        return (first | middle | last) < 0x80;
    }

    // Keys of more than 32 units or with a unit that is not ASCII: out of line and compiled once, so every inlined hash stays the short forms' size.
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static uint ProcessOrdinalIgnoreCaseByUnits(ReadOnlySpan<char> key) => OrdinalIgnoreCase(key, ProcessSeed);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint OrdinalIgnoreCaseNonAscii(ReadOnlySpan<char> key) =>
        (uint)string.GetHashCode(key, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The hash of the key's bytes. Up to 16 bytes: the first and last 8 (or 4, or the one code unit), one full
    /// multiply whose halves a second one folds. Up to 32: the first and last 16, two independent multiplies, then one
    /// that joins the lanes. Longer: 32 bytes a round in two lanes, then the last 32. Under <paramref name="ignoreCase"/> (a constant in every caller, so the JIT keeps one branch) every
    /// load has its letters folded and its lanes checked for ASCII, once, at the end.
    /// </summary>
    /// <returns><see langword="false"/> if <paramref name="ignoreCase"/> and the key is not ASCII; the hash is then meaningless.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Hash(ReadOnlySpan<char> key, HashSeed seed, bool ignoreCase, out uint hash) =>
        HashBytes(ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(key)), (nuint)key.Length * sizeof(char), seed, ignoreCase, utf8: false, out hash);

    /// <summary>
    /// The hash of <paramref name="length"/> bytes at <paramref name="data"/>, in lanes of 16 bits (UTF-16) or of 8
    /// (<paramref name="utf8"/>, a constant in every caller as <paramref name="ignoreCase"/> is). Up to 16 bytes: the
    /// first and last 8 (or 4; or the one code unit, or a UTF-8 key's first, middle and last byte), one full multiply
    /// whose halves a second one folds. Up to 32: the first and last 16, two independent multiplies, then one that
    /// joins the lanes. Longer: 32 bytes a round in two lanes, then the last 32. Under <paramref name="ignoreCase"/>
    /// every load has its letters folded and its lanes checked for ASCII, once, at the end.
    /// </summary>
    /// <returns><see langword="false"/> if <paramref name="ignoreCase"/> and the key is not ASCII; the hash is then meaningless.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HashBytes(ref byte data, nuint length, HashSeed seed, bool ignoreCase, bool utf8, out uint hash)
    {
        ulong seen = 0;
        ulong state = seed.First + length;
        if (length <= 16)
        {
            ulong first, last = 0;
            if (length >= 8)
            {
                first = Load64(ref data, 0, ignoreCase, utf8, ref seen);
                last = Load64(ref data, length - 8, ignoreCase, utf8, ref seen);
            }
            else if (length >= 4)
            {
                first = Load32(ref data, 0, ignoreCase, utf8, ref seen);
                last = Load32(ref data, length - 4, ignoreCase, utf8, ref seen);
            }
            else if (length == 0)
            {
                first = 0;
            }
            else if (utf8)
            {
                ulong bytes = data | ((ulong)Unsafe.Add(ref data, length >> 1) << 8) | ((ulong)Unsafe.Add(ref data, length - 1) << 16);
                first = Fold(bytes, ignoreCase, utf8, ref seen);
            }
            else
            {
                first = Fold(Unsafe.ReadUnaligned<ushort>(ref data), ignoreCase, utf8, ref seen);
            }

            state = Short(state, seed.Second, first, last);
        }
        else
        {
            state = HashLong(ref data, length, state, seed.Second, ignoreCase, utf8, ref seen);
        }

        hash = (uint)(state >> 32);
        return (seen & (utf8 ? NonAsciiByteBits : NonAsciiBits)) == 0;
    }

    /// <summary>The mix of a key of up to 16 bytes: its first and last word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Short(ulong state, ulong second, ulong first, ulong last)
    {
        // Both halves of the product go into a second multiply: folding them once leaves keys that differ in
        // a few low bits (numbered keys under a shared prefix) crowded in the top bits under some seeds.
        ulong left = state ^ first, right = second ^ last;
        return FoldedMultiply(left * right ^ Pi2, MultiplyHigh(left, right) ^ Pi3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashLong(ref byte data, nuint length, ulong state, ulong second, bool ignoreCase, bool utf8, ref ulong seen)
    {
        ulong lane0 = state;
        ulong lane1 = state ^ Pi2;
        nuint offset = 0;
        for (; offset + 32 < length; offset += 32)
        {
            Load128(ref data, offset, ignoreCase, utf8, ref seen, out ulong word0, out ulong word1);
            Load128(ref data, offset + 16, ignoreCase, utf8, ref seen, out ulong word2, out ulong word3);
            lane0 = FoldedMultiply(lane0 ^ word0, second ^ word1);
            lane1 = FoldedMultiply(lane1 ^ word2, second ^ word3);
        }

        // The last 16 bytes of each lane: of the whole key when it is at most 32 bytes, else of its last 32 bytes
        // (overlapping the round before, which is in range since a round was taken).
        nuint tail = offset == 0 ? 0 : length - 32;
        Load128(ref data, tail, ignoreCase, utf8, ref seen, out ulong tail0, out ulong tail1);
        Load128(ref data, length - 16, ignoreCase, utf8, ref seen, out ulong last0, out ulong last1);
        lane0 = FoldedMultiply(lane0 ^ tail0, second ^ tail1);
        lane1 = FoldedMultiply(lane1 ^ last0, second ^ last1);
        return JoinLanes(lane0, lane1);
    }

    /// <summary>The end of a key of more than 16 bytes, once each lane has taken its last 16 bytes: one multiply joins the lanes.</summary>
    /// <remarks>Two arguments: the lanes' last rounds stay in the caller, where a helper taking all seven words spilled two of them.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong JoinLanes(ulong lane0, ulong lane1) => FoldedMultiply(lane0 ^ Pi2, lane1 ^ Pi3);

    /// <summary>
    /// Reads two words at <paramref name="offset"/>, as two <see cref="Load64"/> would. Under ignore-case the 16 bytes
    /// fold as one vector (about half the instructions of two scalar folds) and are noted for the ASCII check after
    /// folding, which sets no bit the check looks at.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Load128(ref byte data, nuint offset, bool ignoreCase, bool utf8, ref ulong seen, out ulong low, out ulong high)
    {
        if (ignoreCase && Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> loaded = Vector128.LoadUnsafe(ref data, offset);
            Vector128<ulong> folded = (utf8 ? FoldLetters(loaded) : FoldLetters(loaded.AsUInt16()).AsByte()).AsUInt64();
            low = folded.ToScalar();
            high = folded.GetElement(1);
            seen |= low | high;
        }
        else
        {
            low = Load64(ref data, offset, ignoreCase, utf8, ref seen);
            high = Load64(ref data, offset + 8, ignoreCase, utf8, ref seen);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load64(ref byte data, nuint offset, bool ignoreCase, bool utf8, ref ulong seen) =>
        Fold(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, offset)), ignoreCase, utf8, ref seen);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load32(ref byte data, nuint offset, bool ignoreCase, bool utf8, ref ulong seen) =>
        Fold(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref data, offset)), ignoreCase, utf8, ref seen);

    /// <summary>One code unit, folded: the ignore-case comparison's shortest load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load16(ref byte data, ref ulong seen) =>
        Fold(Unsafe.ReadUnaligned<ushort>(ref data), ignoreCase: true, utf8: false, ref seen);

    /// <summary>Under ignore-case, notes the lanes of loaded <paramref name="word"/> for the ASCII check and folds its letters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fold(ulong word, bool ignoreCase, bool utf8, ref ulong seen)
    {
        if (ignoreCase)
        {
            seen |= word;
            word = utf8 ? FoldLetterBytes(word) : FoldLetters(word);
        }

        return word;
    }

    /// <summary>
    /// Whether <paramref name="left"/> and <paramref name="right"/>, of the same length, are equal under
    /// <see cref="StringComparison.OrdinalIgnoreCase"/>: ASCII keys inline (<see cref="TryEqualsIgnoreCaseAscii"/>), a key
    /// with another character by the runtime's comparison. The runtime's own is a call through its comparison switch and vector dispatch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsIgnoreCase(ReadOnlySpan<char> left, ReadOnlySpan<char> right) =>
        TryEqualsIgnoreCaseAscii(left, right) ?? EqualsIgnoreCaseNonAscii(left, right);

    /// <summary>
    /// Whether <paramref name="left"/> and <paramref name="right"/>, of the same length and both ASCII, are equal under
    /// <see cref="StringComparison.OrdinalIgnoreCase"/>, by the same letter fold as the hash, inline with no call (16
    /// bytes a vector from 16 bytes up, else overlapping scalar loads); <see langword="null"/> when a character is not ASCII.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? TryEqualsIgnoreCaseAscii(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        ref byte first = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(left));
        ref byte second = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(right));
        nuint length = (nuint)left.Length * sizeof(char);
        ulong seen = 0, difference = 0;
        if (length >= 16 && Vector128.IsHardwareAccelerated)
        {
            return EqualsIgnoreCaseVector(ref first, ref second, length);
        }

        if (length >= 8)
        {
            // Whole words, then the last 8 bytes (overlapping the word before).
            for (nuint offset = 0; offset + 8 < length; offset += 8)
            {
                difference |= Load64(ref first, offset, true, false, ref seen) ^ Load64(ref second, offset, true, false, ref seen);
            }

            difference |= Load64(ref first, length - 8, true, false, ref seen) ^ Load64(ref second, length - 8, true, false, ref seen);
        }
        else if (length >= 4)
        {
            difference = Load32(ref first, 0, true, false, ref seen) ^ Load32(ref second, 0, true, false, ref seen)
                | Load32(ref first, length - 4, true, false, ref seen) ^ Load32(ref second, length - 4, true, false, ref seen);
        }
        else if (length != 0)
        {
            difference = Load16(ref first, ref seen) ^ Load16(ref second, ref seen);
        }

        return (seen & NonAsciiBits) == 0 ? difference == 0 : null;
    }

    /// <summary>
    /// Whether <paramref name="left"/> and <paramref name="right"/>, of the same length, are equal ordinally, inline with
    /// no call (16 bytes a vector from 16 bytes up, else overlapping scalar loads), where the runtime's is a call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsOrdinal(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        ref byte first = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(left));
        ref byte second = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(right));
        nuint length = (nuint)left.Length * sizeof(char);
        if (length >= 16 && Vector128.IsHardwareAccelerated)
        {
            // The first and last 16 bytes (overlapping for up to 32, most names), then any between.
            Vector128<byte> different = (Vector128.LoadUnsafe(ref first) ^ Vector128.LoadUnsafe(ref second))
                | (Vector128.LoadUnsafe(ref first, length - 16) ^ Vector128.LoadUnsafe(ref second, length - 16));
            for (nuint offset = 16; offset + 16 < length; offset += 16)
            {
                different |= Vector128.LoadUnsafe(ref first, offset) ^ Vector128.LoadUnsafe(ref second, offset);
            }

            return different == Vector128<byte>.Zero;
        }

        ulong difference = 0;
        if (length >= 8)
        {
            for (nuint offset = 0; offset + 8 < length; offset += 8)
            {
                difference |= Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, offset)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref second, offset));
            }

            difference |= Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, length - 8)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref second, length - 8));
        }
        else if (length >= 4)
        {
            difference = (Unsafe.ReadUnaligned<uint>(ref first) ^ Unsafe.ReadUnaligned<uint>(ref second))
                | (Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, length - 4)) ^ Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref second, length - 4)));
        }
        else if (length != 0)
        {
            difference = (uint)(Unsafe.ReadUnaligned<ushort>(ref first) ^ Unsafe.ReadUnaligned<ushort>(ref second));
        }

        return difference == 0;
    }

    /// <summary>
    /// <see cref="EqualsIgnoreCase"/> as one call: non-generic, so a process compiles it once, where inlined it would be
    /// compiled again into every core instantiation that compares (milliseconds of a first request each).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    public static bool EqualsIgnoreCaseOutOfLine(ReadOnlySpan<char> left, ReadOnlySpan<char> right) => EqualsIgnoreCase(left, right);

    /// <summary>
    /// <see cref="EqualsIgnoreCase"/> for keys of at least 16 bytes, 16 bytes a step (the last step overlapping the one
    /// before); <see langword="null"/> when a character is not ASCII.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool? EqualsIgnoreCaseVector(ref byte first, ref byte second, nuint length)
    {
        Vector128<ushort> seen = Vector128<ushort>.Zero, difference = Vector128<ushort>.Zero;
        for (nuint offset = 0; offset + 16 < length; offset += 16)
        {
            Vector128<ushort> left = Vector128.LoadUnsafe(ref first, offset).AsUInt16(), right = Vector128.LoadUnsafe(ref second, offset).AsUInt16();
            seen |= left | right;
            difference |= FoldLetters(left) ^ FoldLetters(right);
        }

        Vector128<ushort> lastLeft = Vector128.LoadUnsafe(ref first, length - 16).AsUInt16(), lastRight = Vector128.LoadUnsafe(ref second, length - 16).AsUInt16();
        seen |= lastLeft | lastRight;
        difference |= FoldLetters(lastLeft) ^ FoldLetters(lastRight);
        return (seen & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero ? difference == Vector128<ushort>.Zero : null;
    }

    /// <summary><see cref="FoldLetters(ulong)"/> for eight code units at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<ushort> FoldLetters(Vector128<ushort> units)
    {
        Vector128<ushort> lowered = units | Vector128.Create((ushort)0x20);
        Vector128<ushort> letters = Vector128.LessThan(lowered - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
        return units | (letters & Vector128.Create((ushort)0x20));
    }

    /// <summary><see cref="FoldLetterBytes"/> for sixteen bytes at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> FoldLetters(Vector128<byte> bytes)
    {
        Vector128<byte> lowered = bytes | Vector128.Create((byte)0x20);
        Vector128<byte> letters = Vector128.LessThan(lowered - Vector128.Create((byte)'a'), Vector128.Create((byte)26));
        return bytes | (letters & Vector128.Create((byte)0x20));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool EqualsIgnoreCaseNonAscii(ReadOnlySpan<char> left, ReadOnlySpan<char> right) =>
        left.Equals(right, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Sets 0x20 in each 16-bit lane of <paramref name="word"/> that holds an ASCII letter, and in no other: with the
    /// lane OR-ed with 0x20, adding 0x1F carries into bit 7 from 'a' up and adding 0x05 past 'z'. Only letters fold:
    /// merging punctuation too ('^' with '~', '@' with '`') would let chosen keys collide by the thousand. A lane
    /// that is not ASCII is folded meaninglessly; the caller then does not use the hash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong FoldLetters(ulong word)
    {
        ulong lowered = word | (0x20 * Lanes);
        ulong letters = (lowered + (0x1F * Lanes)) & ~(lowered + (0x05 * Lanes)) & (0x80 * Lanes);
        return word | (letters >> 2);
    }

    /// <summary>
    /// <see cref="FoldLetters(ulong)"/> in byte lanes, for UTF-8. A byte that is not ASCII can carry into the next
    /// lane; the caller then does not use the hash, and the fold only sets bits, so such a byte stays not ASCII.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong FoldLetterBytes(ulong word)
    {
        ulong lowered = word | (0x20 * ByteLanes);
        ulong letters = (lowered + (0x1F * ByteLanes)) & ~(lowered + (0x05 * ByteLanes)) & (0x80 * ByteLanes);
        return word | (letters >> 2);
    }

    /// <summary>The high and low halves of the full product XOR-ed: every output bit depends on every input bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FoldedMultiply(ulong left, ulong right) => MultiplyHigh(left, right) ^ (left * right);

    /// <summary>
    /// The high half of the full product. <c>Math.BigMul</c>'s low half goes through memory on x64 (an address-taken
    /// local), a store and a reload in the middle of the hash's dependency chain; <c>mulx</c> for the high half and
    /// <c>imul</c> for the low one run side by side instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong left, ulong right) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(left, right) : Math.BigMul(left, right, out _);

    /// <summary>
    /// 64 random bits from the operating system's cryptographically secure generator, as <see cref="Guid.NewGuid"/>
    /// documents it outside Windows (122 random bits a GUID; the two halves folded, so the fixed version and variant
    /// bits are covered). Not <c>RandomNumberGenerator</c>: on Linux it loads OpenSSL, milliseconds of a process's
    /// first map use, where the runtime's own string-hash seed costs nothing.
    /// </summary>
    private static ulong RandomWord()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes);
        return BitConverter.ToUInt64(bytes) ^ BitConverter.ToUInt64(bytes[8..]);
    }

    /// <summary>
    /// The home slot of <paramref name="hash"/> in a table of <paramref name="slotCount"/> slots (a power of two):
    /// its top bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HomeSlot(uint hash, int slotCount) => (int)(hash >> (32 - BitOperations.Log2((uint)slotCount)));
}
