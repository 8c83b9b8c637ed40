using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FlatGen.Generator;

/// <summary>
/// Fills every <c>[FlatMultiMap]</c> partial struct with a fixed-capacity flat multi-map. The pipeline only:
/// symbols become specs in <see cref="Parser"/>, specs become text in <see cref="Emitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class FlatMultiMapGenerator : IIncrementalGenerator
{
    /// <summary>The metadata name of the attribute that marks a map.</summary>
    public const string AttributeMetadataName = "FlatGen.FlatMultiMapAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        IncrementalValuesProvider<MapSpec> specs = results
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.MapSpecs);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(specs, static (productionContext, spec) =>
            productionContext.AddSource(spec.HintName, SourceText.From(Emitter.Emit(spec), System.Text.Encoding.UTF8)));

        // Only reporting sees the compilation: it maps each location back to its syntax tree so that pragmas
        // apply. The steps above stay cached; this one is cheap and runs only when there is something to report.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (productionContext, pair) =>
            productionContext.ReportDiagnostic(pair.Left.ToDiagnostic(pair.Right)));
    }
}
