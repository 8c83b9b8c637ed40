using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    /// <summary>
    /// Turns one <c>[FlatMultiMap]</c> declaration into a <see cref="MapSpec"/> and its diagnostics. Nothing it
    /// returns holds a symbol, syntax node or compilation. Code the compiler already rejects (a half-typed
    /// attribute, say) gives no spec and no FlatGen diagnostic: the compiler's own error says what is wrong.
    /// </summary>
    /// <summary>
    /// Reads one <c>[FlatMultiMap]</c> declaration's facts into a <see cref="MapDeclaration"/>: names, modifiers, the
    /// types around it, the members it declares and the attribute's arguments as written. It runs again for every map
    /// on every edit of the compilation (<c>ForAttributeWithMetadataName</c> calls it whenever the compilation
    /// changes), so it reads and nothing more: every check, the known-key analysis and the layout are later steps,
    /// cached while the facts are equal. Nothing it returns holds a symbol, syntax node or compilation. Code the
    /// compiler already rejects (a half-typed attribute, say) gives nothing: the compiler's own error says what is wrong.
    /// </summary>
    internal static class Parser
    {
        private const string StructLayoutMetadataName = "System.Runtime.InteropServices.StructLayoutAttribute";

        private static readonly SyntaxKind[] UnsupportedModifiers = { SyntaxKind.ReadOnlyKeyword, SyntaxKind.RefKeyword, SyntaxKind.FileKeyword };

        /// <summary>
        /// <see cref="Read"/>, but an exception (a bug in FlatGen, never the user's code) becomes a FLATGEN027 error
        /// at the declaration instead of failing the generator, and so every other map of the project.
        /// </summary>
        public static StepResult<MapDeclaration> ReadIsolated(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            try
            {
                return Read(context, cancellationToken);
            }
            catch (System.Exception exception) when (exception is not System.OperationCanceledException)
            {
                return Failure<MapDeclaration>(context.TargetSymbol.ToDisplayString(), LocationInfo.From(context.TargetNode.GetLocation()), exception);
            }
        }

        /// <summary>A step's result for an exception in FlatGen itself: a FLATGEN027 error at the declaration, and nothing to go on with.</summary>
        public static StepResult<T> Failure<T>(string displayName, LocationInfo? location, System.Exception exception)
            where T : class
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location, displayName, exception.GetType().Name + ": " + exception.Message);
            return new StepResult<T>(null, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }

        public static StepResult<MapDeclaration> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type
                || context.TargetNode is not TypeDeclarationSyntax declaration
                || context.Attributes.IsEmpty)
            {
                return StepResult<MapDeclaration>.Nothing;
            }

            // Half-typed names would give unparsable code, and a struct attributed on two of its declarations
            // (CS0579) would be generated twice: the compiler's own errors cover both.
            AttributeData? attribute = AppliedOn(declaration, context.Attributes);
            if (attribute is null || HasMissingName(declaration) || !IsFirstApplication(type, attribute))
            {
                return StepResult<MapDeclaration>.Nothing;
            }

            var names = new MapNames(
                Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                TypeName: declaration.Identifier.Text,
                FullyQualifiedName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                DisplayName: type.ToDisplayString(),
                HintName: type.ToDisplayString(HintNameFormat));
            LocationInfo? location = LocationInfo.From(declaration.Identifier.GetLocation());
            string? notAStruct = type.TypeKind != TypeKind.Struct || type.IsRecord ? DescribeKind(type) : null;
            if (notAStruct is not null)
            {
                // Nothing else is checked of a type that is not a struct.
                return new StepResult<MapDeclaration>(MapDeclaration.NotAStructType(declaration.Identifier.ValueText, location, notAStruct, names), EquatableArray<DiagnosticInfo>.Empty);
            }

            // Every partial declaration counts: a modifier or a primary constructor on any of them applies to the struct.
            var declarations = type.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .ToList();
            var modifiers = new List<LocatedText>();
            foreach (SyntaxKind modifier in UnsupportedModifiers)
            {
                if (declarations.FirstOrDefault(d => d.Modifiers.Any(modifier)) is { } modified)
                {
                    modifiers.Add(new LocatedText(SyntaxFacts.GetText(modifier), LocationInfo.From(modified.Identifier.GetLocation())));
                }
            }

            var containingTypes = new List<ContainingTypeDeclaration>();
            bool isGeneric = type.IsGenericType;
            foreach (TypeDeclarationSyntax container in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
            {
                isGeneric |= container.TypeParameterList is not null;
                containingTypes.Add(new ContainingTypeDeclaration(
                    Keyword(container),
                    container.Identifier.Text,
                    container.Identifier.ValueText,
                    container.Modifiers.Any(SyntaxKind.PartialKeyword),
                    container.Modifiers.Any(SyntaxKind.FileKeyword)));
            }

            var instanceState = new List<LocatedText>();
            var declaredMembers = new List<LocatedText>();
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                LocationInfo? memberLocation = LocationInfo.From(member.Locations.FirstOrDefault()) ?? location;
                if (DescribeInstanceState(member) is string state)
                {
                    instanceState.Add(new LocatedText(state, memberLocation));
                }

                if (!member.IsImplicitlyDeclared && member is not IMethodSymbol { AssociatedSymbol: not null })
                {
                    declaredMembers.Add(new LocatedText(member.Name, memberLocation));
                }
            }

            var attributes = new List<LocatedText>();
            foreach (AttributeData applied in type.GetAttributes())
            {
                if (applied.AttributeClass is { } attributeClass && !SymbolEqualityComparer.Default.Equals(attributeClass, attribute.AttributeClass))
                {
                    attributes.Add(new LocatedText(
                        attributeClass.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)),
                        LocationInfo.From(applied.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()) ?? location));
                }
            }

            foreach (TypeDeclarationSyntax part in declarations)
            {
                if (part.ParameterList is { Parameters.Count: > 0 } parameters)
                {
                    instanceState.Add(new LocatedText("the primary constructor parameters " + parameters.ToString(), LocationInfo.From(parameters.GetLocation())));
                }
            }

            LanguageVersion languageVersion = ((CSharpParseOptions)declaration.SyntaxTree.Options).LanguageVersion;
            var facts = new MapDeclaration(
                Name: declaration.Identifier.ValueText,
                Location: location,
                NotAStruct: null,
                Names: names,
                IsPartial: declaration.Modifiers.Any(SyntaxKind.PartialKeyword),
                UnsupportedModifiers: new EquatableArray<LocatedText>(modifiers.ToArray()),
                IsGeneric: isGeneric,
                ContainingTypes: new EquatableArray<ContainingTypeDeclaration>(containingTypes.ToArray()),
                InstanceState: new EquatableArray<LocatedText>(instanceState.ToArray()),
                HasStructLayout: attributes.Any(static a => a.Text == StructLayoutMetadataName),
                LanguageVersionBelow12: languageVersion < LanguageVersion.CSharp12 ? languageVersion.ToDisplayString() : null,
                DeclaredMembers: new EquatableArray<LocatedText>(declaredMembers.ToArray()),
                Attributes: new EquatableArray<LocatedText>(attributes.ToArray()),
                Arguments: ReadArguments(attribute, location, cancellationToken));
            return new StepResult<MapDeclaration>(facts, EquatableArray<DiagnosticInfo>.Empty);
        }

        /// <summary>The attribute's arguments as written; <see langword="null"/> when its constructor arguments are not two <c>int</c> values.</summary>
        private static AttributeArguments? ReadArguments(AttributeData attribute, LocationInfo? declarationLocation, CancellationToken cancellationToken)
        {
            if (attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not int keyCapacity
                || attribute.ConstructorArguments[1].Value is not int valueCapacity)
            {
                return null;
            }

            var named = new List<NamedArgument>();
            var knownKeys = new List<string?>();
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                TypedConstant value = argument.Value;
                if (argument.Key == "KnownKeys")
                {
                    if (value.Kind == TypedConstantKind.Array && !value.IsNull)
                    {
                        knownKeys.AddRange(value.Values.Select(static key => key.Value as string));
                    }
                }
                else
                {
                    named.Add(new NamedArgument(argument.Key, value.Value as int?, value.Value as bool?));
                }
            }

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            ExpressionSyntax? knownKeysArgument = knownKeys.Count == 0
                ? null
                : syntax?.ArgumentList?.Arguments.FirstOrDefault(static a => a.NameEquals?.Name.Identifier.ValueText == "KnownKeys")?.Expression;
            return new AttributeArguments(
                Location: syntax is null ? declarationLocation : LocationInfo.From(syntax.GetLocation()),
                KeyCapacity: keyCapacity,
                ValueCapacity: valueCapacity,
                Named: new EquatableArray<NamedArgument>(named.ToArray()),
                KnownKeys: new EquatableArray<string?>(knownKeys.ToArray()),
                KnownKeysLocation: LocationInfo.From(knownKeysArgument?.GetLocation()),
                KnownKeyLocations: new EquatableArray<LocationInfo>(Elements(knownKeysArgument).Select(static e => LocationInfo.From(e.GetLocation())!).ToArray()));
        }

        /// <summary>The element expressions of <c>new[] { … }</c>, <c>new string[] { … }</c> or <c>[ … ]</c>; empty for anything else.</summary>
        private static IReadOnlyList<ExpressionSyntax> Elements(ExpressionSyntax? argument) => argument switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            CollectionExpressionSyntax collection when collection.Elements.All(static e => e is ExpressionElementSyntax) =>
                collection.Elements.Select(static e => ((ExpressionElementSyntax)e).Expression).ToList(),
            _ => System.Array.Empty<ExpressionSyntax>(),
        };

        /// <summary>
        /// The type's full name with no <c>global::</c> and no <c>@</c> (which a hint name may not hold): <c>Demo.Outer.Tags</c>
        /// for <c>Demo.Outer.@Tags</c>. Names that differ only in case are told apart when the sources are added.
        /// </summary>
        private static readonly SymbolDisplayFormat HintNameFormat = new(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

        private static bool HasMissingName(TypeDeclarationSyntax declaration) =>
            declaration.Identifier.IsMissing
            || declaration.Ancestors().Any(static ancestor => ancestor switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.IsMissing,
                BaseNamespaceDeclarationSyntax ns => ns.Name.DescendantTokens().Any(static token => token.IsMissing),
                _ => false,
            });

        /// <summary>The attribute applied on this declaration of the struct (not on another partial declaration).</summary>
        private static AttributeData? AppliedOn(TypeDeclarationSyntax declaration, IEnumerable<AttributeData> attributes) =>
            attributes.FirstOrDefault(a =>
                a.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == declaration.SyntaxTree
                && declaration.Span.Contains(reference.Span));

        private static bool IsFirstApplication(INamedTypeSymbol type, AttributeData attribute)
        {
            foreach (AttributeData candidate in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute.AttributeClass))
                {
                    return candidate.ApplicationSyntaxReference?.Span == attribute.ApplicationSyntaxReference?.Span
                        && candidate.ApplicationSyntaxReference?.SyntaxTree == attribute.ApplicationSyntaxReference?.SyntaxTree;
                }
            }

            return true;
        }

        /// <summary>Describes an instance field, auto-property or field-like event the user declared, or returns null.</summary>
        private static string? DescribeInstanceState(ISymbol member) => member switch
        {
            { IsStatic: true } => null,
            IFieldSymbol { IsConst: false, AssociatedSymbol: IPropertySymbol property } => "the auto-property '" + property.Name + "'",
            IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } field => "the instance field '" + field.Name + "'",
            IEventSymbol { AddMethod.IsImplicitlyDeclared: true } @event => "the field-like event '" + @event.Name + "'",
            _ => null,
        };

        private static string DescribeKind(INamedTypeSymbol type) => type switch
        {
            { TypeKind: TypeKind.Interface } => "an interface",
            { IsRecord: true, TypeKind: TypeKind.Struct } => "a record struct",
            { IsRecord: true } => "a record class",
            { TypeKind: TypeKind.Enum } => "an enum",
            { TypeKind: TypeKind.Delegate } => "a delegate",
            _ => "a class",
        };

        private static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
        {
            RecordDeclarationSyntax record when record.IsKind(SyntaxKind.RecordStructDeclaration) => "record struct",
            RecordDeclarationSyntax => "record",
            _ => declaration.Keyword.ValueText,
        };
    }
}
