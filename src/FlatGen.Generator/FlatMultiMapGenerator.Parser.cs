using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    /// <summary>
    /// Turns one <c>[FlatMultiMap]</c> declaration into a <see cref="MapSpec"/> and its diagnostics. Nothing it
    /// returns holds a symbol, syntax node or compilation. Code the compiler already rejects (a half-typed
    /// attribute, say) gives no spec and no FlatGen diagnostic: the compiler's own error says what is wrong.
    /// </summary>
    internal static partial class Parser
    {
        private const string StructLayoutMetadataName = "System.Runtime.InteropServices.StructLayoutAttribute";

        /// <summary>
        /// <see cref="Parse"/>, but an exception (a bug in FlatGen, never the user's code) becomes a FLATGEN027 error
        /// at the declaration instead of failing the generator, and so every other map of the project.
        /// </summary>
        public static ParseResult ParseIsolated(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            try
            {
                return Parse(context, cancellationToken);
            }
            catch (System.Exception exception) when (exception is not System.OperationCanceledException)
            {
                string name = context.TargetSymbol.ToDisplayString();
                var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, context.TargetNode.GetLocation(), name, exception.GetType().Name + ": " + exception.Message);
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(new[] { failure }));
            }
        }

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type
                || context.TargetNode is not TypeDeclarationSyntax declaration
                || context.Attributes.IsEmpty)
            {
                return ParseResult.Nothing;
            }

            // Half-typed names would give unparsable code, and a struct attributed on two of its declarations
            // (CS0579) would be generated twice: the compiler's own errors cover both.
            AttributeData? attribute = AppliedOn(declaration, context.Attributes);
            if (attribute is null || HasMissingName(declaration) || !IsFirstApplication(type, attribute))
            {
                return ParseResult.Nothing;
            }

            var diagnostics = new List<DiagnosticInfo>();
            Location location = declaration.Identifier.GetLocation();
            string name = declaration.Identifier.ValueText;

            if (type.TypeKind != TypeKind.Struct || type.IsRecord)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustBeStruct, location, name, DescribeKind(type)));
                return Result(null, diagnostics);
            }

            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustBePartial, location, name));
            }

            // Every partial declaration counts: a modifier or a primary constructor on any of them applies to the struct.
            var declarations = type.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .ToList();
            foreach (SyntaxKind modifier in new[] { SyntaxKind.ReadOnlyKeyword, SyntaxKind.RefKeyword, SyntaxKind.FileKeyword })
            {
                if (declarations.FirstOrDefault(d => d.Modifiers.Any(modifier)) is { } modified)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedModifier, modified.Identifier.GetLocation(), name, SyntaxFacts.GetText(modifier)));
                }
            }

            if (ReservedNames.Generated.Contains(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameTakenByGeneratedMember, location, name));
            }

            if (type.IsGenericType || declaration.Ancestors().OfType<TypeDeclarationSyntax>().Any(static t => t.TypeParameterList is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustNotBeGeneric, location, name));
            }

            var containingTypes = new List<ContainingTypeSpec>();
            foreach (TypeDeclarationSyntax container in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
            {
                if (!container.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, location, name, container.Identifier.ValueText));
                }

                if (container.Modifiers.Any(SyntaxKind.FileKeyword))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InsideFileLocalType, location, name, container.Identifier.ValueText));
                }

                containingTypes.Insert(0, new ContainingTypeSpec(Keyword(container), container.Identifier.Text));
            }

            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (DescribeInstanceState(member) is string state)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclaresInstanceState, member.Locations.FirstOrDefault() ?? location, name, state));
                }
            }

            foreach (TypeDeclarationSyntax part in declarations)
            {
                if (part.ParameterList is { Parameters.Count: > 0 } parameters)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclaresInstanceState, parameters.GetLocation(), name, "the primary constructor parameters " + parameters.ToString()));
                }
            }

            if (type.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == StructLayoutMetadataName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclaresStructLayout, location, name));
            }

            LanguageVersion languageVersion = ((CSharpParseOptions)declaration.SyntaxTree.Options).LanguageVersion;
            if (languageVersion < LanguageVersion.CSharp12)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, location, languageVersion.ToDisplayString()));
            }

            Location attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
            if (attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not int keyCapacity
                || attribute.ConstructorArguments[1].Value is not int valueCapacity)
            {
                return Result(null, diagnostics);
            }

            bool keyCapacityValid = keyCapacity is >= 1 and <= FlatLimits.MaxKeyCapacity;
            bool valueCapacityValid = valueCapacity is >= 1 and <= FlatLimits.MaxValueCapacity;
            if (!keyCapacityValid)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KeyCapacityOutOfRange, attributeLocation, Number(keyCapacity)));
            }

            if (!valueCapacityValid)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueCapacityOutOfRange, attributeLocation, Number(valueCapacity)));
            }

            if (keyCapacityValid && valueCapacityValid && valueCapacity < keyCapacity)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueCapacityBelowKeyCapacity, attributeLocation, Number(keyCapacity), Number(valueCapacity)));
            }

            // An enum argument that is not a member of its enum (a cast such as (FlatStorage)3) is reported.
            TEnum Member<TEnum>(int raw, DiagnosticDescriptor unknown)
                where TEnum : struct
            {
                if (!System.Enum.IsDefined(typeof(TEnum), raw))
                {
                    diagnostics.Add(DiagnosticInfo.Create(unknown, attributeLocation, Number(raw)));
                }

                return (TEnum)(object)raw;
            }

            var keyComparison = FlatKeyComparison.Ordinal;
            var declaredKnownKeys = new List<string?>();
            bool internUnknownKeys = false;
            bool reuseValueStrings = false;
            var storage = FlatStorage.References;
            int? inlineBytes = null;
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                TypedConstant value = argument.Value;
                switch (argument.Key)
                {
                    case "KeyComparison" when value.Value is int comparison:
                        keyComparison = Member<FlatKeyComparison>(comparison, DiagnosticDescriptors.UnknownKeyComparison);
                        break;
                    case "InternUnknownKeys" when value.Value is bool intern:
                        internUnknownKeys = intern;
                        break;
                    case "ReuseValueStrings" when value.Value is bool reuse:
                        reuseValueStrings = reuse;
                        break;
                    case "Storage" when value.Value is int storageValue:
                        storage = Member<FlatStorage>(storageValue, DiagnosticDescriptors.UnknownStorage);
                        break;
                    case "InlineBytes" when value.Value is int bytes:
                        inlineBytes = bytes;
                        break;
                    case "KnownKeys" when value.Kind == TypedConstantKind.Array && !value.IsNull:
                        declaredKnownKeys.AddRange(value.Values.Select(static key => key.Value as string));
                        break;
                }
            }

            if (storage == FlatStorage.InlineUtf8)
            {
                if (inlineBytes is not (>= 1 and <= FlatLimits.MaxInlineBytes))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InlineBytesOutOfRange, attributeLocation, inlineBytes is int bytes ? "is " + Number(bytes) : "is not set"));
                }

                if (internUnknownKeys)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingHasNoEffect, attributeLocation, "InternUnknownKeys", "InlineUtf8"));
                }

                if (reuseValueStrings)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingHasNoEffect, attributeLocation, "ReuseValueStrings", "InlineUtf8"));
                }
            }
            else if (inlineBytes is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingHasNoEffect, attributeLocation, "InlineBytes", "References"));
            }

            EquatableArray<KnownKeySpec> knownKeys = KnownKeys(
                declaredKnownKeys, type, keyCapacity, keyComparison, storage == FlatStorage.InlineUtf8 ? inlineBytes : null, attribute, diagnostics, cancellationToken);

            if (diagnostics.Any(static d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
            {
                return Result(null, diagnostics);
            }

            // Typed values, not enum names: renaming a member must not change every persisted map's id.
            string idSource = Number((int)keyComparison) + ";" + string.Join("\0", knownKeys.AsSpan().ToArray().Select(static k => k.Key));
            int arenaBytes = storage == FlatStorage.InlineUtf8 ? inlineBytes!.Value : 0;
            LayoutPlan layout = LayoutPlanner.Plan(keyCapacity, valueCapacity, knownKeys.Count, storage, arenaBytes, idSource);
            string displayName = type.ToDisplayString();
            if (layout.Size > DiagnosticDescriptors.MaxArrayElementBytes)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooLargeForArrays, location, name, Number(layout.Size)));
            }
            else if (layout.Size > DiagnosticDescriptors.LargeStructBytes)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LargeStruct, location, name, Number(layout.Size)));
            }

            var spec = new MapSpec(
                Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                TypeName: declaration.Identifier.Text,
                FullyQualifiedName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                DisplayName: displayName,
                HintName: type.ToDisplayString(HintNameFormat),
                ContainingTypes: new EquatableArray<ContainingTypeSpec>(containingTypes.ToArray()),
                KeyCapacity: keyCapacity,
                ValueCapacity: valueCapacity,
                KeyComparison: keyComparison,
                KnownKeys: knownKeys,
                InternUnknownKeys: internUnknownKeys && storage == FlatStorage.References,
                ReuseValueStrings: reuseValueStrings && storage == FlatStorage.References,
                Storage: storage,
                InlineBytes: arenaBytes,
                Layout: layout);
            return Result(spec, diagnostics);
        }

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

        private static ParseResult Result(MapSpec? spec, List<DiagnosticInfo> diagnostics) =>
            new(spec, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));

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
