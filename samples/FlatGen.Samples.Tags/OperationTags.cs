using FlatGen;

namespace FlatGen.Samples.Tags;

/// <summary>The tags of one operation (a metric's dimensions, a log scope's fields): a handful of keys, reused per operation.</summary>
[FlatMultiMap(8, 12)]
public partial struct OperationTags;
