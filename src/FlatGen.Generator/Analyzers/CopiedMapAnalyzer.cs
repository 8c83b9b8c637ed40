using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using FlatGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FlatGen.Generator.Analyzers;

/// <summary>
/// Warns where a member that changes a flat multi-map runs on a copy, so the change is silently lost: a map reached
/// through a readonly field, an <c>in</c> parameter, a property or indexer that returns by value, a <c>foreach</c>
/// variable, a readonly reference, an unboxed or converted value (FLATGEN028), or <c>this</c> inside a readonly
/// member of a struct (FLATGEN029). A map's changing members are its members that are not <c>readonly</c>; the
/// receiver is classified from its <see cref="IOperation"/>, as Roslyn's "do not copy value" analyzer does.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CopiedMapAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ChangedThroughCopy, DiagnosticDescriptors.ChangedInReadOnlyMember);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? attribute = start.Compilation.GetTypeByMetadataName(FlatMultiMapGenerator.AttributeMetadataName);
            if (attribute is null)
            {
                return; // The compilation does not reference FlatGen: nothing can be a map.
            }

            var isMap = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(context => AnalyzeInvocation(context, attribute, isMap), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol attribute, ConcurrentDictionary<INamedTypeSymbol, bool> isMap)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.IsStatic || method.IsReadOnly || invocation.Instance is not { } receiver
            || method.ContainingType is not { TypeKind: TypeKind.Struct } type
            || !isMap.GetOrAdd(type, t => t.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))))
        {
            return;
        }

        string member = type.Name + "." + method.Name;
        switch (Classify(receiver, context.ContainingSymbol))
        {
            case { ReadOnlyMember: { } readOnlyMember }:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ChangedInReadOnlyMember, Where(invocation, receiver), member, readOnlyMember));
                break;
            case { Reason: { } reason }:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ChangedThroughCopy, Where(invocation, receiver), member, reason));
                break;
        }
    }

    /// <summary>Why a call on <paramref name="receiver"/> runs on a copy, or nothing when the receiver is a variable the code can write.</summary>
    private static Copy Classify(IOperation receiver, ISymbol containingSymbol)
    {
        switch (receiver)
        {
            case ILocalReferenceOperation { Local: var local }:
                return local.RefKind == RefKind.RefReadOnly ? new Copy("the ref readonly local '" + local.Name + "'")
                    : local.IsForEach && local.RefKind == RefKind.None ? new Copy("the foreach variable '" + local.Name + "'")
                    : local.IsUsing ? new Copy("the using variable '" + local.Name + "'")
                    : default;

            case IParameterReferenceOperation { Parameter: var parameter }:
                return parameter.RefKind switch
                {
                    RefKind.In => new Copy("the 'in' parameter '" + parameter.Name + "'"),
                    RefKind.RefReadOnlyParameter => new Copy("the 'ref readonly' parameter '" + parameter.Name + "'"),
                    _ => default,
                };

            case IFieldReferenceOperation { Field: var field } reference:
                if (field.IsReadOnly)
                {
                    return new Copy("the readonly field '" + field.ContainingType.Name + "." + field.Name + "'");
                }

                // A field of a struct is as writable as the struct that holds it.
                return field.IsStatic || reference.Instance is null || reference.Instance.Type?.IsReferenceType != false
                    ? default
                    : Classify(reference.Instance, containingSymbol);

            case IInstanceReferenceOperation { Type.IsValueType: true }:
                return containingSymbol is IMethodSymbol { IsReadOnly: true } readOnlyMember
                    ? new Copy(null, readOnlyMember.AssociatedSymbol?.Name ?? readOnlyMember.Name)
                    : default;

            case IPropertyReferenceOperation { Property: var property }:
                return property.ReturnsByRef ? default
                    : property.ReturnsByRefReadonly ? new Copy("the ref readonly value returned by " + PropertyName(property))
                    : new Copy("the value returned by " + PropertyName(property));

            case IInvocationOperation { TargetMethod: var returning }:
                return returning.ReturnsByRef ? default
                    : returning.ReturnsByRefReadonly ? new Copy("the ref readonly value of '" + returning.Name + "()'")
                    : new Copy("the value returned by '" + returning.Name + "()'");

            case IConversionOperation:
                return new Copy("an unboxed or converted value");

            case IConditionalAccessInstanceOperation:
                return new Copy("the value of a nullable map");

            default:
                return default; // A variable (array element, ref local, pointer target) or something this does not judge.
        }
    }

    private static string PropertyName(IPropertySymbol property) =>
        property.IsIndexer
            ? "the indexer of '" + property.ContainingType.ToDisplayString(TypeFormat) + "'"
            : "the property '" + property.ContainingType.ToDisplayString(TypeFormat) + "." + property.Name + "'";

    /// <summary>Type names as written, with type arguments: <c>List&lt;Tags&gt;</c>, <c>Nullable&lt;Tags&gt;</c>.</summary>
    private static readonly SymbolDisplayFormat TypeFormat = new(
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.ExpandNullable);

    private static Location Where(IInvocationOperation invocation, IOperation receiver) =>
        receiver.IsImplicit ? invocation.Syntax.GetLocation() : receiver.Syntax.GetLocation();

    /// <summary>How a receiver is a copy: the reason (FLATGEN028), or the readonly member whose <c>this</c> it is (FLATGEN029).</summary>
    private readonly record struct Copy(string? Reason, string? ReadOnlyMember = null);
}
