using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// Enumerates a map that spills (<see cref="FlatOverflow.Spill"/>) in first-insertion order, without allocating:
/// its own fields' keys, then, once it has spilled, its heap overflow's. What such a map's <c>GetEnumerator</c>
/// returns; every other reference map returns a <see cref="FlatReferenceEnumerator{TKeyIndex, TValueIndex}"/>, which
/// has no overflow to look at.
/// </summary>
/// <typeparam name="TKeyIndex">The map's key index type.</typeparam>
/// <typeparam name="TValueIndex">The map's value index type.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FlatSpillingEnumerator<TKeyIndex, TValueIndex>
{
    // A spilled map's keys are its fields' then its overflow's; the fields' enumerator checks the version at every step, to the end.
    private FlatReferenceEnumerator<TKeyIndex, TValueIndex> _fields;
    private readonly FlatSpill? _spill;
    private readonly uint _spillVersion; // The overflow's version when enumeration began: a change through another copy moves it too.
    private int _entry; // -1 while the fields' keys last.

    /// <summary>Initializes a new instance of the <see cref="FlatSpillingEnumerator{TKeyIndex, TValueIndex}"/> struct over <paramref name="map"/>.</summary>
    /// <param name="map">The map's fields.</param>
    /// <exception cref="InvalidOperationException">This copy of a spilled map is stale: another copy changed the overflow they share.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FlatSpillingEnumerator(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        _fields = new FlatReferenceEnumerator<TKeyIndex, TValueIndex>(map);
        _spill = FlatSpill.Of(map.Spill, map.Version, map.Shape.MapName);
        _spillVersion = _spill?.Version ?? 0;
        _entry = -1;
    }

    /// <summary>Gets the entry at the current position.</summary>
    public readonly FlatReferenceEntry Current => _spill is null || _entry < 0 ? _fields.Current : new(_spill.KeyAt(_entry), _spill.ValuesAt(_entry));

    /// <summary>Advances to the next key.</summary>
    /// <returns><see langword="true"/> if there is a next key.</returns>
    /// <exception cref="InvalidOperationException">The map was modified after the enumerator was created.</exception>
    public bool MoveNext()
    {
        if (_fields.MoveNext())
        {
            return true;
        }

        if (_spill is null)
        {
            return false;
        }

        if (_spill.Version != _spillVersion)
        {
            FlatThrow.ModifiedWhileEnumerating();
        }

        _entry = _spill.NextKey(_entry);
        return _entry < _spill.EntryCount;
    }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This enumerator.</returns>
    public readonly FlatSpillingEnumerator<TKeyIndex, TValueIndex> GetEnumerator() => this;
}
