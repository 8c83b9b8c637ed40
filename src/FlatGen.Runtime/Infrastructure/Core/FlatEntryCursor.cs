using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// Walks a map's entries in first-insertion order, skipping the holes removals left, and throws once the map changed:
/// the enumeration every storage's enumerator and the JSON writer share.
/// </summary>
/// <typeparam name="TValueIndex">The map's value index type.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FlatEntryCursor<TValueIndex>
{
    private readonly ReadOnlySpan<TValueIndex> _valueCounts;
    private readonly ref readonly uint _version;
    private readonly uint _expectedVersion;
    private int _index;

    /// <summary>Initializes a new instance of the <see cref="FlatEntryCursor{TValueIndex}"/> struct before the first entry.</summary>
    /// <param name="valueCounts">The map's value counts, sliced to its raw count: a hole's is zero.</param>
    /// <param name="version">The map's version, which every change moves on.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FlatEntryCursor(ReadOnlySpan<TValueIndex> valueCounts, ref readonly uint version)
    {
        _valueCounts = valueCounts;
        _version = ref version;
        _expectedVersion = version;
        _index = -1;
    }

    /// <summary>Gets the current entry's index; valid after <see cref="MoveNext"/> returned <see langword="true"/>.</summary>
    public readonly int Index => _index;

    /// <summary>Advances to the next entry that is a key.</summary>
    /// <returns><see langword="true"/> if there is one.</returns>
    /// <exception cref="InvalidOperationException">The map was modified after the cursor was created.</exception>
    public bool MoveNext()
    {
        if (_version != _expectedVersion)
        {
            FlatThrow.ModifiedWhileEnumerating();
        }

        // Unsigned, so that the JIT sees the index in range of the counts and of every span sliced as they are.
        uint index = (uint)(_index + 1);
        for (; index < (uint)_valueCounts.Length; index++)
        {
            if (!FlatInteger.IsZero(_valueCounts[(int)index]))
            {
                _index = (int)index;
                return true;
            }
        }

        _index = _valueCounts.Length;
        return false;
    }
}
