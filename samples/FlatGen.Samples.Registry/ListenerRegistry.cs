using FlatGen;

namespace FlatGen.Samples.Registry;

/// <summary>
/// Which listeners each path has: at most 1,024 paths and 2,048 listeners, the oldest paths evicted to make room, so
/// the registry never grows however many paths it is fed (unbounded growth was the seed's bug). Twice the listeners
/// would make a struct of 65,560 bytes, past what an array element may be (FLATGEN014).
/// </summary>
#pragma warning disable FLATGEN010 // 45 KB: it lives in one PathListeners object and is never copied or passed by value.
[FlatMultiMap(1024, 2048, Overflow = FlatOverflow.EvictOldest)]
public partial struct ListenerRegistry;
#pragma warning restore FLATGEN010
