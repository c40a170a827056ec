using System.Text;
using System.Text.Json;
using Json.Schema;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Schemas;

/// <summary>
/// <c>schemas/tsm-vendor.schema.json</c> evaluated with JsonSchema.Net, and the failing nodes of an evaluation that are
/// reasons (where the document breaks a rule), for <see cref="VendorSchemaValidationTests"/> and the broken-schema corpus.
/// </summary>
internal static class VendorJsonSchema
{
    /// <summary>docs/schema.md: strict RFC 8259, so no comments, no trailing commas, no duplicate keys.</summary>
    public static readonly JsonDocumentOptions StrictJson = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    private static readonly Lazy<JsonSchema> VendorSchema = new(() =>
        JsonSchema.FromText(
            File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "tsm-vendor.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            jsonOptions: StrictJson));

    /// <summary>Output with every failing node, so errors can be matched to instance locations.</summary>
    public static EvaluationOptions HierarchicalOutput() => new() { OutputFormat = OutputFormat.Hierarchical };

    /// <summary>
    /// The nodes that make the document invalid: failing nodes with an error message, and failing nodes none of whose
    /// children fail (JsonSchema.Net 8 gives a failed <c>not</c> no message: its parent is simply invalid). Failing
    /// subschemas under <c>if</c> (they only pick a branch) or <c>not</c> (failing is what <c>not</c> wants) and under a
    /// passing parent (<c>anyOf</c> branches not taken) are not reasons and are skipped.
    /// </summary>
    public static IEnumerable<EvaluationResults> ErrorNodes(EvaluationResults node)
    {
        if (node.IsValid)
        {
            yield break;
        }

        List<EvaluationResults> failingChildren = Children(node)
            .Where(child => !child.IsValid && LastSegment(child) is not ("if" or "not"))
            .ToList();
        if (node.Errors is { Count: > 0 } || failingChildren.Count == 0)
        {
            yield return node;
        }

        foreach (EvaluationResults reason in failingChildren.SelectMany(ErrorNodes))
        {
            yield return reason;
        }
    }

    private static string LastSegment(EvaluationResults node) => node.EvaluationPath.ToString().Split('/')[^1];

    private static IEnumerable<EvaluationResults> Children(EvaluationResults node) => node.Details ?? Enumerable.Empty<EvaluationResults>();

    /// <summary>Each error node with its instance location, evaluation path and message, one per line.</summary>
    public static string Describe(EvaluationResults results)
    {
        var text = new StringBuilder();
        foreach (EvaluationResults node in ErrorNodes(results))
        {
            text.Append("  at '").Append(node.InstanceLocation).Append("' (schema ").Append(node.EvaluationPath).Append("): ");
            if (node.Errors is { Count: > 0 } errors)
            {
                text.AppendJoin("; ", errors.Select(error => error.Key + ": " + error.Value));
            }
            else if (Children(node).Any(child => LastSegment(child) == "not" && child.IsValid))
            {
                text.Append("not: matches a subschema it must not match");
            }
            else if (Children(node).Count(child => child.IsValid && child.EvaluationPath.ToString().Contains("/oneOf/", StringComparison.Ordinal)) > 1)
            {
                text.Append("oneOf: matches more than one subschema");
            }
            else
            {
                text.Append("failed");
            }

            text.AppendLine();
        }

        return text.Length == 0 ? "  (no error details)" : text.ToString();
    }

    /// <summary>Parses strictly (docs/schema.md: RFC 8259), as the generator's reader does.</summary>
    public static JsonDocument Parse(string json) => JsonDocument.Parse(json, StrictJson);

    /// <summary>Evaluates a document against the vendor schema, with hierarchical output.</summary>
    public static EvaluationResults Evaluate(JsonElement root) => VendorSchema.Value.Evaluate(root, HierarchicalOutput());
}
