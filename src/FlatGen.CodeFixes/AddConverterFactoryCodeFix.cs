using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FlatGen.Generator.Analyzers;
using FlatGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FlatGen.CodeFixes;

/// <summary>
/// Fixes FLATGEN033: adds <c>FlatMultiMapJsonConverterFactory</c> to the <c>Converters</c> of the context's
/// <c>[JsonSourceGenerationOptions]</c>, appending it to a list already there, adding the argument to an attribute
/// already there, or adding the attribute.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddConverterFactoryCodeFix))]
[Shared]
public sealed class AddConverterFactoryCodeFix : CodeFixProvider
{
    private const string OptionsMetadataName = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";
    private const string Title = "Add FlatMultiMapJsonConverterFactory to the context's converters";

    private static readonly string FactoryType = "typeof(global::" + SourceGeneratedJsonAnalyzer.FactoryMetadataName + ")";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MapInvisibleToSourceGeneratedJson.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => AddFactoryAsync(context.Document, declaration, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Solution> AddFactoryAsync(Document document, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        Solution solution = document.Project.Solution;
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        AttributeData? options = model?.GetDeclaredSymbol(declaration, cancellationToken)?.GetAttributes()
            .FirstOrDefault(static a => a.AttributeClass?.ToDisplayString() == OptionsMetadataName);

        // The options may be on another partial declaration of the context, in another file: that is the one to change.
        if (options?.ApplicationSyntaxReference is { } reference
            && solution.GetDocument(reference.SyntaxTree) is { } optionsDocument
            && await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is AttributeSyntax attribute)
        {
            SyntaxNode optionsRoot = await reference.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            return solution.WithDocumentSyntaxRoot(optionsDocument.Id, optionsRoot.ReplaceNode(attribute, WithFactory(attribute)));
        }

        AttributeListSyntax added = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(
                    SyntaxFactory.ParseName("global::System.Text.Json.Serialization.JsonSourceGenerationOptions"),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.AttributeArgument(NewList(SyntaxFactory.ParseExpression(FactoryType))).WithNameEquals(SyntaxFactory.NameEquals("Converters")))))))
            .WithAdditionalAnnotations(Formatter.Annotation);
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        ClassDeclarationSyntax withOptions = declaration.WithAttributeLists(declaration.AttributeLists.Insert(0, added));
        return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(declaration, withOptions));
    }

    private static ExpressionSyntax NewList(ExpressionSyntax factory) => SyntaxFactory.ParseExpression("new[] { " + factory + " }");

    /// <summary>The options attribute with the factory among its converters.</summary>
    private static AttributeSyntax WithFactory(AttributeSyntax attribute)
    {
        ExpressionSyntax factory = SyntaxFactory.ParseExpression(FactoryType);
        AttributeArgumentSyntax? converters = attribute.ArgumentList?.Arguments.FirstOrDefault(static a => a.NameEquals?.Name.Identifier.ValueText == "Converters");
        ExpressionSyntax? list = converters?.Expression switch
        {
            CollectionExpressionSyntax collection => collection.AddElements(SyntaxFactory.ExpressionElement(factory)),
            ArrayCreationExpressionSyntax { Initializer: { } initializer } array => array.WithInitializer(initializer.AddExpressions(factory)),
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.WithInitializer(implicitArray.Initializer.AddExpressions(factory)),
            _ => null,
        };

        if (converters is not null)
        {
            // A list to extend, or what an attribute can hold otherwise (null, an array with no initializer): no converter.
            return attribute.ReplaceNode(converters.Expression, (list ?? NewList(factory)).WithAdditionalAnnotations(Formatter.Annotation));
        }

        AttributeArgumentSyntax argument = SyntaxFactory.AttributeArgument(NewList(factory)).WithNameEquals(SyntaxFactory.NameEquals("Converters"));
        return attribute.WithArgumentList((attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).AddArguments(argument))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
