namespace FlatGen;

/// <summary>
/// The names of a generated map's fields: the generator lays the fields out under these names and reports them in
/// the map's <c>FlatLayout</c>, where the runtime finds each one by its name. Written once, here.
/// </summary>
internal static class FlatFieldNames
{
    public const string Keys = "_keys";
    public const string Values = "_values";
    public const string KeyHashes = "_keyHashes";
    public const string Slots = "_slots";
    public const string ValueStarts = "_valueStarts";
    public const string ValueCounts = "_valueCounts";
    public const string HashedKeyLengths = "_hashedKeyLengths";
    public const string Version = "_version";
    public const string Count = "_count";
    public const string ValueCount = "_valueCount";
    public const string KeyHoles = "_keyHoles";
    public const string ValueHoles = "_valueHoles";
    public const string KnownSlots = "_knownSlots";
    public const string KnownPresence = "_knownPresence";
    public const string LayoutId = "_layoutId";
    public const string HashSeed = "_hashSeed";
    public const string KeyOffsets = "_keyOffsets";
    public const string KeyLengths = "_keyLengths";
    public const string ValueOffsets = "_valueOffsets";
    public const string ValueLengths = "_valueLengths";
    public const string ArenaUsed = "_arenaUsed";
    public const string Arena = "_arena";
    public const string Spill = "_spill";
}
