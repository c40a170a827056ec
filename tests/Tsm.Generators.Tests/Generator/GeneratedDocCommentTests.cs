using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// Every XML doc comment the generator writes is well-formed and its markup is markup: an escaped
/// <c>&lt;paramref name="data"/&gt;</c> would show up literally in every tooltip. Schema prose such as
/// <c>pcr-&lt;alg&gt;/&lt;n&gt;</c> is text and stays escaped.
/// </summary>
public sealed partial class GeneratedDocCommentTests
{
    public static TheoryData<string> ShippedSchemaFiles() => GoldenFileTests.ShippedSchemaFiles();

    [Theory]
    [MemberData(nameof(ShippedSchemaFiles))]
    public void Every_doc_comment_is_well_formed_xml_without_escaped_doc_tags(string schemaFile)
    {
        string path = Path.Combine(RepositoryPaths.Schemas, schemaFile);
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(new[] { GeneratorHarness.Schema(path, File.ReadAllText(path)) });

        foreach (GeneratedSourceResult generated in result.Results.Single().GeneratedSources)
        {
            foreach ((int line, string xml) in DocComments(generated.SourceText.ToString()))
            {
                XElement doc;
                try
                {
                    doc = XElement.Parse("<doc>" + xml + "</doc>");
                }
                catch (XmlException error)
                {
                    Assert.Fail($"{generated.HintName}({line}): the doc comment is not well-formed XML: {error.Message}");
                    return;
                }

                foreach (XText text in doc.DescendantNodes().OfType<XText>())
                {
                    Match escaped = EscapedDocTag().Match(text.Value);
                    Assert.False(escaped.Success, $"{generated.HintName}({line}): escaped doc markup '{escaped.Value}' would show literally in tooltips.");
                }
            }
        }
    }

    [Fact]
    public void Angle_brackets_in_schema_prose_are_escaped_text_not_markup()
    {
        string schema = """
            {
              "vendor": "acme",
              "displayName": "Acme <b>bold</b> & co",
              "description": "Files are measurements/<name>; see <paramref name=\"x\"/> literally.",
              "device": { "sysfs": "/sys/class/misc/acme/measurements" },
              "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"], "description": "<c>m</c> & more" } ]
            }
            """;
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(new[] { GeneratorHarness.Schema("acme.tsm.json", schema) });

        string source = result.Results.Single().GeneratedSources.Single(static s => s.HintName == "Acme.g.cs").SourceText.ToString();
        (int _, string xml) = DocComments(source).First(c => c.Xml.Contains("measurements/", StringComparison.Ordinal));
        XElement doc = XElement.Parse("<doc>" + xml + "</doc>");

        Assert.Contains("measurements/<name>; see <paramref name=\"x\"/> literally.", doc.Value);
        Assert.Empty(doc.Descendants("paramref"));
    }

    private static IEnumerable<(int Line, string Xml)> DocComments(string source)
    {
        string[] lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal))
            {
                continue;
            }

            int start = i;
            var block = new List<string>();
            while (i < lines.Length && lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal))
            {
                block.Add(lines[i].TrimStart()[3..]);
                i++;
            }

            yield return (start + 1, string.Join("\n", block));
        }
    }

    [GeneratedRegex(@"<\s*/?\s*(see|seealso|paramref|typeparamref|c|code|para|list|item|inheritdoc|exception|param|returns|remarks|summary|value)\b")]
    private static partial Regex EscapedDocTag();
}
