namespace FlatGen.Generator.Helpers;

/// <summary>The names of the pipeline's steps, so that tests can prove each one is cached.</summary>
internal static class TrackingNames
{
    /// <summary>The facts read from each declaration: the one step that runs on every edit of the compilation.</summary>
    public const string Declarations = nameof(Declarations);
    public const string Settings = nameof(Settings);
    public const string KnownKeys = nameof(KnownKeys);
    public const string Layouts = nameof(Layouts);
    public const string MapSpecs = nameof(MapSpecs);
    public const string Diagnostics = nameof(Diagnostics);
    public const string HintNames = nameof(HintNames);
    public const string StringValuesReference = nameof(StringValuesReference);

    public static readonly string[] All = { Declarations, Settings, KnownKeys, Layouts, MapSpecs, Diagnostics, HintNames, StringValuesReference };

    /// <summary>The steps after <see cref="Declarations"/>: an unrelated edit runs none of them.</summary>
    public static readonly string[] AfterDeclarations = { Settings, KnownKeys, Layouts, MapSpecs, Diagnostics, HintNames };
}
