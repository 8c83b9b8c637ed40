using System.Linq;
using System.Threading;
using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    /// <summary>Plans the layout of a map with no error and makes the <see cref="MapSpec"/> the emitter writes.</summary>
    internal static class Planner
    {
        public static StepResult<MapSpec> Plan(StepResult<CheckedMap> checkedMap, CancellationToken cancellationToken)
        {
            if (checkedMap.Value is not CheckedMap map
                || checkedMap.Diagnostics.Any(static d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
            {
                return new StepResult<MapSpec>(null, checkedMap.Diagnostics);
            }

            cancellationToken.ThrowIfCancellationRequested();
            MapDeclaration declaration = map.Declaration;
            MapSettings settings = map.Settings;
            bool inline = settings.Storage == FlatStorage.InlineUtf8;

            // Typed values, not enum names: renaming a member must not change every persisted map's id.
            string idSource = inline ? Number((int)settings.KeyComparison) + ";" + string.Join("\0", map.KnownKeys.Select(static k => k.Key)) : "";
            int arenaBytes = inline ? settings.InlineBytes!.Value : 0;
            LayoutPlan layout = LayoutPlanner.Plan(settings.KeyCapacity, settings.ValueCapacity, map.KnownKeys.Count, settings.Storage, arenaBytes, idSource, spills: settings.Overflow == FlatOverflow.Spill);

            DiagnosticInfo? size = layout.Size > DiagnosticDescriptors.MaxArrayElementBytes
                ? DiagnosticInfo.Create(DiagnosticDescriptors.TooLargeForArrays, declaration.Location, declaration.Name, Number(layout.Size))
                : layout.Size > DiagnosticDescriptors.LargeStructBytes
                    ? DiagnosticInfo.Create(DiagnosticDescriptors.LargeStruct, declaration.Location, declaration.Name, Number(layout.Size))
                    : null;

            MapNames names = declaration.Names;
            var spec = new MapSpec(
                Namespace: names.Namespace,
                TypeName: names.TypeName,
                FullyQualifiedName: names.FullyQualifiedName,
                DisplayName: names.DisplayName,
                HintName: names.HintName,
                ContainingTypes: declaration.ContainingTypes.Count == 0
                    ? EquatableArray<ContainingTypeSpec>.Empty
                    : new EquatableArray<ContainingTypeSpec>(declaration.ContainingTypes.Reverse().Select(static c => new ContainingTypeSpec(c.Keyword, c.Name)).ToArray()),
                KeyCapacity: settings.KeyCapacity,
                ValueCapacity: settings.ValueCapacity,
                KeyComparison: settings.KeyComparison,
                KnownKeys: map.KnownKeys,
                InternUnknownKeys: settings.InternUnknownKeys && !inline,
                ReuseValueStrings: settings.ReuseValueStrings && !inline,
                Storage: settings.Storage,
                InlineBytes: arenaBytes,
                Layout: layout,
                UserAttributes: declaration.Attributes.Count == 0
                    ? EquatableArray<string>.Empty
                    : new EquatableArray<string>(declaration.Attributes.Select(static a => a.Text).Where(GeneratedNames.Attributes.Contains).Distinct().ToArray()),
                Overflow: settings.Overflow);
            return new StepResult<MapSpec>(
                spec,
                size is null ? checkedMap.Diagnostics : new EquatableArray<DiagnosticInfo>(checkedMap.Diagnostics.Append(size).ToArray()));
        }
    }
}
