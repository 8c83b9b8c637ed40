using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    /// <summary>
    /// Checks a declaration's facts: the struct's shape, the attribute's settings (<see cref="CheckSettings"/>) and then
    /// its known keys (<see cref="CheckKnownKeys"/>), each a pipeline step of its own over plain data, cached while its
    /// input is equal. Each problem is a diagnostic at the user's declaration, in the order the declaration is read.
    /// </summary>
    internal static partial class Checker
    {
        private const string InlineArrayMetadataName = "System.Runtime.CompilerServices.InlineArrayAttribute";

        /// <summary>
        /// Checks everything but the known keys. Gives no settings (and so no map) for a type that is not a struct or
        /// an attribute whose capacities are not constants; errors otherwise still let the known keys be checked.
        /// </summary>
        public static StepResult<CheckedMap> CheckSettings(StepResult<MapDeclaration> read, CancellationToken cancellationToken)
        {
            if (read.Value is not MapDeclaration declaration)
            {
                return new StepResult<CheckedMap>(null, read.Diagnostics);
            }

            var diagnostics = new List<DiagnosticInfo>(read.Diagnostics);
            string name = declaration.Name;
            LocationInfo? location = declaration.Location;
            if (declaration.NotAStruct is string kind)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustBeStruct, location, name, kind));
                return Result<CheckedMap>(null, diagnostics);
            }

            if (!declaration.IsPartial)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustBePartial, location, name));
            }

            foreach (LocatedText modifier in declaration.UnsupportedModifiers)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedModifier, modifier.Location, name, modifier.Text));
            }

            if (GeneratedNames.IsMember(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameTakenByGeneratedMember, location, name));
            }

            if (declaration.IsGeneric)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustNotBeGeneric, location, name));
            }

            foreach (ContainingTypeDeclaration container in declaration.ContainingTypes)
            {
                if (!container.IsPartial)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, location, name, container.ValueText));
                }

                if (container.IsFileLocal)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InsideFileLocalType, location, name, container.ValueText));
                }
            }

            foreach (LocatedText state in declaration.InstanceState)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclaresInstanceState, state.Location, name, state.Text));
            }

            foreach (LocatedText member in declaration.DeclaredMembers)
            {
                if (GeneratedNames.IsMember(member.Text))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameTakenByGeneratedMember, member.Location, name, member.Text));
                }
            }

            foreach (LocatedText attribute in declaration.Attributes)
            {
                if (attribute.Text == InlineArrayMetadataName)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclaresInlineArray, attribute.Location, name));
                }
            }

            if (declaration.HasStructLayout)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclaresStructLayout, location, name));
            }

            if (declaration.LanguageVersionBelow12 is string languageVersion)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, location, languageVersion));
            }

            if (declaration.Arguments is not AttributeArguments arguments)
            {
                return Result<CheckedMap>(null, diagnostics);
            }

            LocationInfo? attributeLocation = arguments.Location;
            int keyCapacity = arguments.KeyCapacity;
            int valueCapacity = arguments.ValueCapacity;
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
            TEnum Member<TEnum>(int raw, Microsoft.CodeAnalysis.DiagnosticDescriptor unknown)
                where TEnum : struct
            {
                if (!System.Enum.IsDefined(typeof(TEnum), raw))
                {
                    diagnostics.Add(DiagnosticInfo.Create(unknown, attributeLocation, Number(raw)));
                }

                return (TEnum)(object)raw;
            }

            var keyComparison = FlatKeyComparison.Ordinal;
            bool internUnknownKeys = false;
            bool reuseValueStrings = false;
            var storage = FlatStorage.References;
            var overflow = FlatOverflow.Refuse;
            int? inlineBytes = null;
            foreach (NamedArgument argument in arguments.Named)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (argument.Name)
                {
                    case "KeyComparison" when argument.Int32Value is int comparison:
                        keyComparison = Member<FlatKeyComparison>(comparison, DiagnosticDescriptors.UnknownKeyComparison);
                        break;
                    case "InternUnknownKeys" when argument.BooleanValue is bool intern:
                        internUnknownKeys = intern;
                        break;
                    case "ReuseValueStrings" when argument.BooleanValue is bool reuse:
                        reuseValueStrings = reuse;
                        break;
                    case "Storage" when argument.Int32Value is int storageValue:
                        storage = Member<FlatStorage>(storageValue, DiagnosticDescriptors.UnknownStorage);
                        break;
                    case "InlineBytes" when argument.Int32Value is int bytes:
                        inlineBytes = bytes;
                        break;
                    case "Overflow" when argument.Int32Value is int overflowValue:
                        overflow = Member<FlatOverflow>(overflowValue, DiagnosticDescriptors.UnknownOverflow);
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

                if (overflow == FlatOverflow.Spill)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpillNeedsReferences, attributeLocation));
                }
            }
            else if (inlineBytes is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingHasNoEffect, attributeLocation, "InlineBytes", "References"));
            }

            var settings = new MapSettings(keyCapacity, valueCapacity, keyComparison, storage, inlineBytes, internUnknownKeys, reuseValueStrings, overflow);
            return Result(new CheckedMap(declaration, settings, EquatableArray<KnownKeySpec>.Empty), diagnostics);
        }

        /// <summary>Adds the checked known keys, and their diagnostics.</summary>
        public static StepResult<CheckedMap> CheckKnownKeys(StepResult<CheckedMap> checkedSettings, CancellationToken cancellationToken)
        {
            if (checkedSettings.Value is not CheckedMap map || map.Declaration.Arguments is not AttributeArguments arguments || arguments.KnownKeys.Count == 0)
            {
                return checkedSettings;
            }

            var diagnostics = new List<DiagnosticInfo>(checkedSettings.Diagnostics);
            MapSettings settings = map.Settings;
            EquatableArray<KnownKeySpec> knownKeys = KnownKeys(
                arguments, map.Declaration, settings.KeyComparison, settings.Storage == FlatStorage.InlineUtf8 ? settings.InlineBytes : null, diagnostics, cancellationToken);
            return Result(map with { KnownKeys = knownKeys }, diagnostics);
        }

        private static StepResult<T> Result<T>(T? value, List<DiagnosticInfo> diagnostics)
            where T : class =>
            new(value, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }
}
