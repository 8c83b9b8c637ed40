using FlatGen;

namespace FlatGen.Samples.Persisted;

/// <summary>
/// One user session's attributes, stored inline as UTF-8: the struct holds no reference, so it lives in a
/// memory-mapped file as is, and its bytes are checked when read back.
/// </summary>
[FlatMultiMap(16, 32, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, Storage = FlatStorage.InlineUtf8, InlineBytes = 512,
    KnownKeys = ["user", "locale", "role"])]
public partial struct SessionMap;
