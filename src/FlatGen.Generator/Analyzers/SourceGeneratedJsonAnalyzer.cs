using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FlatGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlatGen.Generator.Analyzers;

/// <summary>
/// Warns on a source-generated <c>JsonSerializerContext</c> whose <c>[JsonSerializable]</c> graph reaches a flat
/// multi-map whose converter it cannot see (FLATGEN033). System.Text.Json's generator does not see the
/// <c>[JsonConverter]</c> FlatGen generates on the map (no generator sees another's output), so without FlatGen's
/// converter factory in the context's options it writes the map as <c>{}</c> and reads it back empty. A map is seen
/// when the options list <c>FlatMultiMapJsonConverterFactory</c>, when the user's own declaration of the map carries a
/// <c>[JsonConverter]</c>, or when the property that holds it does.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SourceGeneratedJsonAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The full metadata name of FlatGen's converter factory, which the code fix adds to the context's options.</summary>
    public const string FactoryMetadataName = "FlatGen.FlatMultiMapJsonConverterFactory";

    private const string GeneratedConvertersNamespace = "FlatGen.Infrastructure";
    private const string ContextMetadataName = "System.Text.Json.Serialization.JsonSerializerContext";
    private const string SerializableMetadataName = "System.Text.Json.Serialization.JsonSerializableAttribute";
    private const string OptionsMetadataName = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";
    private const string ConverterMetadataName = "System.Text.Json.Serialization.JsonConverterAttribute";
    private const string IgnoreMetadataName = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    private const string IncludeMetadataName = "System.Text.Json.Serialization.JsonIncludeAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MapInvisibleToSourceGeneratedJson);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            Compilation compilation = start.Compilation;
            if (compilation.GetTypeByMetadataName(FlatMultiMapGenerator.AttributeMetadataName) is not { } mapAttribute
                || compilation.GetTypeByMetadataName(ContextMetadataName) is not { } contextType
                || compilation.GetTypeByMetadataName(SerializableMetadataName) is not { } serializable)
            {
                return; // No FlatGen or no System.Text.Json: no map can be lost.
            }

            var types = new KnownTypes(
                mapAttribute,
                contextType,
                serializable,
                compilation.GetTypeByMetadataName(OptionsMetadataName),
                compilation.GetTypeByMetadataName(ConverterMetadataName),
                compilation.GetTypeByMetadataName(IgnoreMetadataName),
                compilation.GetTypeByMetadataName(IncludeMetadataName),
                compilation.GetTypeByMetadataName(FactoryMetadataName));
            start.RegisterSymbolAction(context => AnalyzeContext(context, types), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeContext(SymbolAnalysisContext context, KnownTypes types)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || !DerivesFrom(type, types.Context) || HasFactoryInOptions(type, types))
        {
            return;
        }

        foreach (AttributeData attribute in type.GetAttributes())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.Serializable)
                || attribute.ConstructorArguments.FirstOrDefault().Value is not ITypeSymbol root)
            {
                continue;
            }

            if (FindUnseenMap(root, types, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) is { } map)
            {
                Location location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MapInvisibleToSourceGeneratedJson,
                    location,
                    type.Name,
                    map.ToDisplayString(),
                    root.ToDisplayString()));
            }
        }
    }

    /// <summary>The first flat multi-map reachable from <paramref name="type"/> as System.Text.Json walks it whose converter the context cannot see, or null.</summary>
    private static INamedTypeSymbol? FindUnseenMap(ITypeSymbol type, KnownTypes types, HashSet<ITypeSymbol> visited)
    {
        if (!visited.Add(type))
        {
            return null;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return FindUnseenMap(array.ElementType, types, visited);
            case INamedTypeSymbol named when IsMap(named, types):
                return HasUsersConverter(named, types) ? null : named;
            case INamedTypeSymbol named:
                // Collections, dictionaries, Nullable<T>: what they hold is in their type arguments.
                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    if (FindUnseenMap(argument, types, visited) is { } inArgument)
                    {
                        return inArgument;
                    }
                }

                return IsFrameworkType(named) ? null : FindInMembers(named, types, visited);
            default:
                return null;
        }
    }

    /// <summary>The properties (and included fields) System.Text.Json serialises, up the base types; one with a <c>[JsonConverter]</c> is seen.</summary>
    private static INamedTypeSymbol? FindInMembers(INamedTypeSymbol type, KnownTypes types, HashSet<ITypeSymbol> visited)
    {
        for (INamedTypeSymbol? current = type; current is not null && !IsFrameworkType(current); current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property => property.Type,
                    IFieldSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } field when Has(field, types.Include) => field.Type,
                    _ => null,
                };
                if (memberType is not null && !Has(member, types.Ignore) && !Has(member, types.Converter)
                    && FindUnseenMap(memberType, types, visited) is { } map)
                {
                    return map;
                }
            }
        }

        return null;
    }

    private static bool IsMap(INamedTypeSymbol type, KnownTypes types) =>
        type.TypeKind == TypeKind.Struct && Has(type, types.MapAttribute);

    /// <summary>
    /// Whether the user's own declaration of the map carries a <c>[JsonConverter]</c>, which System.Text.Json's generator
    /// sees: one that names a converter of FlatGen's generated kind (in <c>FlatGen.Infrastructure</c>) is FlatGen's.
    /// </summary>
    private static bool HasUsersConverter(INamedTypeSymbol map, KnownTypes types) =>
        map.GetAttributes().Any(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.Converter)
            && a.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol converter
            && converter.ContainingNamespace?.ToDisplayString() != GeneratedConvertersNamespace);

    private static bool HasFactoryInOptions(INamedTypeSymbol context, KnownTypes types) =>
        types.Factory is not null
        && context.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.Options))
            .SelectMany(static a => a.NamedArguments)
            .Where(static argument => argument.Key == "Converters" && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            .SelectMany(static argument => argument.Value.Values)
            .Any(converter => SymbolEqualityComparer.Default.Equals(converter.Value as ITypeSymbol, types.Factory));

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    /// <summary>Types of the framework (<c>System.*</c>, <c>Microsoft.*</c>), whose members System.Text.Json does not walk as an object's or whose contracts hold no map.</summary>
    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        INamespaceSymbol? root = type.ContainingNamespace;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root is { Name: "System" or "Microsoft" };
    }

    /// <summary>The types the analysis compares with, resolved once per compilation; those System.Text.Json may lack are null.</summary>
    private sealed record KnownTypes(
        INamedTypeSymbol MapAttribute,
        INamedTypeSymbol Context,
        INamedTypeSymbol Serializable,
        INamedTypeSymbol? Options,
        INamedTypeSymbol? Converter,
        INamedTypeSymbol? Ignore,
        INamedTypeSymbol? Include,
        INamedTypeSymbol? Factory);
}
