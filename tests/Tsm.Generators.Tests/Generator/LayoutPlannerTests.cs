using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tsm.Generators.Model;
using Tsm.Generators.Plan;
using Tsm.Generators.Schema;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// The layout planner decides, per field, what the view keeps and what the parse does, before anything is printed.
/// These tests state the decisions for each kind of field; the golden files show what they print as.
/// </summary>
public sealed class LayoutPlannerTests
{
    private const string Schema = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
          "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ],
          "reports": [ { "name": "r", "size": 48, "versionField": "version", "checks": [ { "field": "version", "oneOf": [1, 2] } ], "fields": [
            { "name": "version", "offset": 0, "size": 2, "type": "u16" },
            { "name": "kind", "offset": 2, "size": 1, "type": "u8" },
            { "name": "attributes", "offset": 3, "size": 1, "type": "flags", "bits": { "debug": 0 } },
            { "name": "measurement", "offset": 8, "size": 32, "type": "digest", "hash": "sha256", "register": "m" },
            { "name": "extra", "offset": 40, "size": 4, "type": "u32", "versions": [2] },
            { "name": "value", "offset": 44, "size": 2, "type": "u16", "when": { "field": "kind", "equals": 1 } },
            { "name": "value", "offset": 46, "size": 2, "type": "u16", "when": { "field": "kind", "equals": 2 } },
            { "name": "blob_size", "offset": 4, "size": 4, "type": "u32" },
            { "name": "blob", "after": "measurement", "sizeFrom": "blob_size", "type": "bytes" },
            { "name": "tail", "offset": 48, "size": 32, "type": "opaque", "versions": [2] },
            { "name": "note", "offset": 80, "size": 8, "type": "opaque", "versions": [2] }
          ] } ]
        }
        """;

    private static LayoutPlan Plan()
    {
        SchemaResult result = SchemaParser.Parse(new SchemaInput("/p/acme.tsm.json", Schema), CancellationToken.None);
        Assert.Empty(result.Diagnostics.Select(static d => d.Id + " " + string.Join(", ", d.Arguments)));
        VendorSpec vendor = result.Spec!;
        return LayoutPlanner.Plan(vendor, vendor.Reports.Single(), "Acme");
    }

    private static LayoutPlan QuotePlan(string layout = "tdquote")
    {
        string path = RepositoryPaths.ShippedSchemas().Single(static p => p.EndsWith("tdx.tsm.json", StringComparison.Ordinal));
        SchemaResult result = SchemaParser.Parse(new SchemaInput(path, File.ReadAllText(path)), CancellationToken.None);
        VendorSpec vendor = result.Spec!;
        return LayoutPlanner.Plan(vendor, vendor.Reports.Single(r => r.Name == layout), "Tsm.Vendors");
    }

    [Fact]
    public void The_last_field_of_a_layout_without_trailing_bytes_takes_its_length_from_the_end_and_its_size_is_left_to_validation()
    {
        LayoutPlan certification = QuotePlan("qereportcertificationdata");

        Assert.True(certification.Field("pckcertchain").LengthFromEnd);
        Assert.True(certification.Field("pckcertdatasize").ValueNeeded);
        Assert.False(certification.Field("pckcertdatasize").ValueShapesLayout);
        Assert.False(QuotePlan().Field("signaturedata").LengthFromEnd);
    }

    [Fact]
    public void An_always_present_field_inside_the_fixed_part_is_static_and_read_at_a_constant_offset()
    {
        FieldPlan kind = Plan().Field("kind");

        Assert.Equal(ParseStep.Static, kind.Step);
        Assert.False(kind.NeedsSlot);
        Assert.True(kind.ValueNeeded);
        Assert.Equal((PropertyShape.Integer, "byte", "2", "1"), (kind.Shape, kind.PropertyType, kind.OffsetExpression, kind.LengthExpression));
    }

    [Fact]
    public void A_field_the_parser_does_not_consult_is_not_read_by_the_parse()
    {
        Assert.False(Plan().Field("measurement").ValueNeeded);
    }

    [Fact]
    public void A_versioned_field_inside_the_fixed_part_keeps_only_its_presence()
    {
        FieldPlan extra = Plan().Field("extra");

        Assert.Equal(ParseStep.PlacedConditional, extra.Step);
        Assert.True(extra.HasPresenceSlot);
        Assert.False(extra.HasOffsetSlot);
        Assert.Equal("40", extra.OffsetExpression);
    }

    [Fact]
    public void A_variant_keeps_its_offset_and_presence_in_slots_and_has_one_property()
    {
        LayoutPlan plan = Plan();

        FieldPlan[] occurrences = plan.Fields.Where(static f => f.Name == "value").ToArray();

        Assert.Equal(2, occurrences.Length);
        Assert.All(occurrences, static f => Assert.Equal((ParseStep.Dynamic, "_oValue", "_lValue"), (f.Step, f.OffsetExpression, f.LengthExpression)));
        Assert.Single(plan.Properties, static f => f.Name == "value");
    }

    [Fact]
    public void A_field_after_another_and_sized_by_one_is_dynamic_and_shown_as_bytes()
    {
        FieldPlan blob = Plan().Field("blob");

        Assert.Equal(ParseStep.Dynamic, blob.Step);
        Assert.True(blob.HasOffsetSlot);
        Assert.False(blob.HasPresenceSlot);
        Assert.Equal(PropertyShape.Bytes, blob.Shape);
        Assert.True(Plan().Field("blob_size").ValueNeeded);
    }

    [Fact]
    public void A_field_past_the_fixed_part_is_found_by_the_parse_even_at_a_constant_offset()
    {
        FieldPlan tail = Plan().Field("tail");

        Assert.Equal(ParseStep.Dynamic, tail.Step);
        Assert.Equal((PropertyShape.Value, "global::Tsm.Opaque32"), (tail.Shape, tail.PropertyType));
    }

    [Fact]
    public void An_opaque_field_of_a_size_without_a_runtime_type_is_shown_as_bytes()
    {
        FieldPlan note = Plan().Field("note");

        Assert.Equal((PropertyShape.Bytes, "global::System.ReadOnlySpan<byte>"), (note.Shape, note.PropertyType));
    }

    [Fact]
    public void Digests_linked_to_a_register_take_its_value_type_and_flags_the_vendors_flags_type()
    {
        LayoutPlan plan = Plan();

        Assert.Equal((PropertyShape.Value, "global::Tsm.Sha256Digest"), (plan.Field("measurement").Shape, plan.Field("measurement").PropertyType));
        Assert.Equal((PropertyShape.Flags, "global::Acme.Acme.AttributesFlags", IntegerWidth.U8), (plan.Field("attributes").Shape, plan.Field("attributes").PropertyType, plan.Field("attributes").Integer));
    }

    [Fact]
    public void The_view_needs_each_accessor_only_for_the_fields_that_use_it()
    {
        LayoutPlan plan = Plan();

        Assert.True(plan.NeedsAt);
        Assert.True(plan.NeedsPresent);
        Assert.True(plan.NeedsData);
        Assert.False(plan.IsSmall);
        Assert.Equal("version", plan.VersionField!.Name);
    }

    [Fact]
    public void A_value_only_checks_refer_to_is_read_by_the_validation_and_not_by_the_view()
    {
        FieldPlan teeType = QuotePlan().Field("teetype");

        Assert.True(teeType.ValueNeeded);
        Assert.False(teeType.ValueShapesLayout);
    }

    [Fact]
    public void A_value_that_decides_a_size_or_a_version_is_read_by_the_view_too()
    {
        LayoutPlan quote = QuotePlan();

        Assert.True(quote.Field("version").ValueShapesLayout);
        Assert.True(quote.Field("bodytype").ValueShapesLayout);
        Assert.True(quote.Field("signaturedatalength").ValueShapesLayout);
    }

    [Fact]
    public void A_nested_layout_whose_version_the_parse_reads_or_its_variants_differ_on_keeps_it_in_a_slot()
    {
        LayoutPlan quote = QuotePlan();

        Assert.Equal((true, "_verBody"), (quote.Field("body").HasVersionSlot, quote.Field("body").NestedVersionExpression));
        Assert.Equal((false, "0"), (quote.Field("signaturedata").HasVersionSlot, quote.Field("signaturedata").NestedVersionExpression));
        Assert.Null(quote.Field("version").NestedVersionExpression);
    }

    [Fact]
    public void Presence_is_tested_for_a_later_when_or_after_only_when_the_field_may_be_absent()
    {
        LayoutPlan plan = Plan();
        LayoutPlan quote = QuotePlan();

        Assert.False(plan.Field("kind").PresenceTestedByWhen);
        Assert.False(plan.Field("measurement").PresenceTestedByAfter);
        Assert.True(quote.Field("body").PresenceTestedByAfter);
        Assert.False(quote.Field("body").PresenceTestedByWhen);
    }

    [Fact]
    public void Variants_that_cover_every_version_the_checks_accept_are_there_in_every_valid_input()
    {
        Assert.True(QuotePlan().Field("body").PresentWhenValid);
        Assert.False(QuotePlan().Field("bodytype").PresentWhenValid);
        Assert.False(Plan().Field("extra").PresentWhenValid);
        Assert.False(Plan().Field("value").PresentWhenValid);
    }

    [Fact]
    public void Fields_placed_one_after_another_past_the_fixed_part_set_the_end_by_an_addition()
    {
        LayoutPlan quote = QuotePlan();
        FieldPlan[] body = quote.Fields.Where(static f => f.Name == "body").ToArray();

        Assert.Equal([EndUpdate.Unchanged, EndUpdate.Becomes], body.Select(static f => f.EndUpdate));
        Assert.Equal(EndUpdate.Becomes, quote.Field("signaturedatalength").EndUpdate);
        Assert.Equal(EndUpdate.Becomes, quote.Field("signaturedata").EndUpdate);
        Assert.Equal(EndUpdate.Unchanged, quote.Field("version").EndUpdate);
    }

    [Fact]
    public void A_field_that_may_not_lie_past_everything_before_it_takes_the_larger_end()
    {
        LayoutPlan plan = Plan();

        Assert.Equal(EndUpdate.AtLeast, plan.Field("blob").EndUpdate);
        Assert.All(plan.Fields.Where(static f => f.Name == "value"), static f => Assert.Equal(EndUpdate.Unchanged, f.EndUpdate));
    }

    /// <summary>
    /// issue 8 §2: a switch on one of the model's kinds names every member and has no discard arm, so adding a member
    /// is a compile error (CS8509) at each site that must handle it; a switch statement would not be checked at all.
    /// </summary>
    [Fact]
    public void Every_switch_on_a_kind_in_the_generator_is_an_exhaustive_switch_expression_without_a_discard()
    {
        string[] kinds = { "FieldType", "ClaimType", "IntegerWidth", "ParseStep", "ParseMode", "PropertyShape", "EndUpdate" };
        var offenders = new List<string>();
        string source = Path.Combine(Infrastructure.RepositoryPaths.Root, "src", "Tsm.Generators");
        foreach (string file in Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories).Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (SwitchExpressionSyntax expression in root.DescendantNodes().OfType<SwitchExpressionSyntax>().Where(s => NamesKind(s.Arms.Select(static a => a.Pattern), kinds)))
            {
                if (expression.Arms.Any(static a => a.Pattern is DiscardPatternSyntax))
                {
                    offenders.Add($"{Path.GetFileName(file)}:{expression.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: discard arm");
                }
            }

            foreach (SwitchStatementSyntax statement in root.DescendantNodes().OfType<SwitchStatementSyntax>().Where(s => NamesKind(s.Sections.SelectMany(static c => c.Labels), kinds)))
            {
                offenders.Add($"{Path.GetFileName(file)}:{statement.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: switch statement");
            }
        }

        Assert.Empty(offenders);
    }

    private static bool NamesKind(IEnumerable<SyntaxNode> patterns, string[] kinds) =>
        patterns.SelectMany(static p => p.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
            .Any(m => m.Expression is IdentifierNameSyntax { Identifier.Text: var type } && kinds.Contains(type));
}
