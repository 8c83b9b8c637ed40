using System;
using System.Linq;
using System.Threading;
using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FlatGen.Generator;

/// <summary>
/// Fills every <c>[FlatMultiMap]</c> partial struct with a fixed-capacity flat multi-map. The pipeline only: symbols
/// become facts in <see cref="Parser"/>, facts are checked in <see cref="Checker"/>, laid out in <see cref="Planner"/>,
/// and specs become text in <see cref="Emitter"/>. One map never stops another: a failure in any step of one is a
/// FLATGEN027 error for that map alone.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class FlatMultiMapGenerator : IIncrementalGenerator
{
    /// <summary>The metadata name of the attribute that marks a map.</summary>
    public const string AttributeMetadataName = "FlatGen.FlatMultiMapAttribute";

    /// <summary>The metadata name of the type whose presence gives every map its <c>StringValues</c> members.</summary>
    private const string StringValuesMetadataName = "Microsoft.Extensions.Primitives.StringValues";

    private readonly Func<MapSpec, SourceText> _emit;

    /// <summary>Initializes a new instance of the <see cref="FlatMultiMapGenerator"/> class.</summary>
    public FlatMultiMapGenerator()
        : this(Emitter.Emit)
    {
    }

    /// <summary>Initializes a generator that writes each map with <paramref name="emit"/>: the tests' way to make one map fail.</summary>
    internal FlatMultiMapGenerator(Func<MapSpec, SourceText> emit) => _emit = emit;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The one step that runs for every map on every edit of the compilation: it reads facts and nothing more.
        IncrementalValuesProvider<StepResult<MapDeclaration>> declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) => Parser.ReadIsolated(syntaxContext, cancellationToken))
            .Where(static result => result.Value is not null || result.Diagnostics.Count > 0)
            .WithTrackingName(TrackingNames.Declarations);

        // Each later step is a function of the one before, so it stays cached while the facts are equal.
        IncrementalValuesProvider<StepResult<CheckedMap>> settings = declarations
            .Select(static (read, cancellationToken) => Isolated(read, read.Value, Checker.CheckSettings, cancellationToken))
            .WithTrackingName(TrackingNames.Settings);

        IncrementalValuesProvider<StepResult<CheckedMap>> knownKeys = settings
            .Select(static (checkedSettings, cancellationToken) => Isolated(checkedSettings, checkedSettings.Value?.Declaration, Checker.CheckKnownKeys, cancellationToken))
            .WithTrackingName(TrackingNames.KnownKeys);

        IncrementalValuesProvider<StepResult<MapSpec>> results = knownKeys
            .Select(static (checkedMap, cancellationToken) => Isolated(checkedMap, checkedMap.Value?.Declaration, Planner.Plan, cancellationToken))
            .WithTrackingName(TrackingNames.Layouts);

        // Whether the project references StringValues (every ASP.NET Core app does): a bool, so edits leave it cached.
        IncrementalValueProvider<bool> hasStringValues = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(StringValuesMetadataName) is not null)
            .WithTrackingName(TrackingNames.StringValuesReference);

        IncrementalValuesProvider<MapSpec> specs = results
            .Where(static result => result.Value is not null)
            .Combine(hasStringValues)
            .Select(static (pair, _) => pair.Left.Value! with { HasStringValues = pair.Right })
            .WithTrackingName(TrackingNames.MapSpecs);

        // Hint names are compared ignoring case, so maps whose names differ only in case need telling apart. Only
        // the names are collected: changing one map's capacity leaves every other map's output cached.
        IncrementalValueProvider<EquatableArray<string>> hintNames = specs
            .Select(static (spec, _) => spec.HintName)
            .Collect()
            .Select(static (names, _) => new EquatableArray<string>(names.Sort(StringComparer.Ordinal).ToArray()))
            .WithTrackingName(TrackingNames.HintNames);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(specs.Combine(hintNames), (productionContext, pair) => AddSource(productionContext, pair.Left, pair.Right));

        // Only reporting sees the compilation: it maps each location back to its syntax tree so that pragmas
        // apply. The steps above stay cached; this one is cheap and runs only when there is something to report.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (productionContext, pair) =>
            productionContext.ReportDiagnostic(pair.Left.ToDiagnostic(pair.Right)));
    }

    /// <summary>
    /// Runs one step of one map; an exception (a bug in FlatGen, never the user's code) becomes a FLATGEN027 error at
    /// the declaration instead of failing the generator, and so every other map of the project.
    /// </summary>
    private static StepResult<TOut> Isolated<TIn, TOut>(
        StepResult<TIn> input, MapDeclaration? declaration, Func<StepResult<TIn>, CancellationToken, StepResult<TOut>> step, CancellationToken cancellationToken)
        where TIn : class
        where TOut : class
    {
        try
        {
            return step(input, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Parser.Failure<TOut>(declaration?.Names.DisplayName ?? "", declaration?.Location, exception);
        }
    }

    /// <summary>
    /// The hint name of the map named <paramref name="hintName"/>: <c>Demo.Tags.g.cs</c>; when other maps' names
    /// equal it ignoring case, the second of them in ordinal order is <c>Demo.tags.2.g.cs</c>, and so on.
    /// </summary>
    internal static string UniqueHintName(string hintName, EquatableArray<string> allHintNames)
    {
        int rank = 0;
        foreach (string other in allHintNames)
        {
            if (string.Equals(other, hintName, StringComparison.OrdinalIgnoreCase) && string.CompareOrdinal(other, hintName) < 0)
            {
                rank++;
            }
        }

        return rank == 0 ? hintName + ".g.cs" : hintName + "." + (rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
    }

    private void AddSource(SourceProductionContext context, MapSpec spec, EquatableArray<string> allHintNames)
    {
        SourceText source;
        try
        {
            source = _emit(spec);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, spec.DisplayName, exception.GetType().Name + ": " + exception.Message));
            return;
        }

        context.AddSource(UniqueHintName(spec.HintName, allHintNames), source);
    }
}
