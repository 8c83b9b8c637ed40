namespace FlatGen.Generator.Helpers;

/// <summary>The names of the pipeline's steps, so that tests can prove each one is cached.</summary>
internal static class TrackingNames
{
    public const string ParseResults = nameof(ParseResults);
    public const string MapSpecs = nameof(MapSpecs);
    public const string Diagnostics = nameof(Diagnostics);
    public const string HintNames = nameof(HintNames);
    public const string StringValuesReference = nameof(StringValuesReference);

    public static readonly string[] All = { ParseResults, MapSpecs, Diagnostics, HintNames, StringValuesReference };
}
