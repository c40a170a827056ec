using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Diagnostics;

/// <summary>
/// Keeps the diagnostic catalog, its docs pages (<c>docs/diagnostics</c>), the analyzer release tracking files and
/// the tests in step: every descriptor is well formed, documented, tracked and raised by at least one test, and every
/// docs page belongs to a diagnostic that exists.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    /// <summary>The IDs that are not Roslyn descriptors: MSBuild errors for an unknown &lt;TsmVendor&gt; and an invalid &lt;TsmAccessibility&gt;.</summary>
    private static readonly string[] MsBuildErrorIds = { "TSM9001", "TSM9002" };

    private const string SchemaCategory = "Tsm.Schema";
    private const string UsageCategory = "Tsm.Usage";
    private const string EventsCategory = "Tsm.Events";

    private static readonly Regex IdPattern = new(@"^TSM\d{4}$", RegexOptions.CultureInvariant);

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> TestSources = new(ReadTestSources);

    private static string DocsDirectory => Path.Combine(RepositoryPaths.Root, "docs", "diagnostics");

    private static string GeneratorDirectory => Path.Combine(RepositoryPaths.Root, "src", "Tsm.Generators");

    public static TheoryData<string> DescriptorIds()
    {
        var ids = new TheoryData<string>();
        foreach (string id in DiagnosticCatalog.All.Select(static d => d.Id).Distinct(StringComparer.Ordinal))
        {
            ids.Add(id);
        }

        return ids;
    }

    public static TheoryData<string> MsBuildIds() => new(MsBuildErrorIds);

    [Fact]
    public void The_catalog_is_not_empty()
    {
        Assert.NotEmpty(DiagnosticCatalog.All);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_id_is_TSM_followed_by_four_digits(string id)
    {
        Assert.Matches(IdPattern, id);
    }

    [Fact]
    public void No_two_descriptors_share_an_id()
    {
        string[] repeated = DiagnosticCatalog.All
            .GroupBy(static d => d.Id, StringComparer.Ordinal)
            .Where(static g => g.Count() > 1)
            .Select(static g => g.Key)
            .ToArray();

        Assert.True(repeated.Length == 0, "Descriptors share the IDs: " + string.Join(", ", repeated));
    }

    [Fact]
    public void Every_id_constant_has_a_descriptor_and_every_descriptor_has_an_id_constant()
    {
        // Looked up by name: the code fix assembly compiles its own copy of DiagnosticIds, so the type name is ambiguous here.
        Type ids = typeof(DiagnosticCatalog).Assembly.GetType("Tsm.Generators.Diagnostics.DiagnosticIds", throwOnError: true)!;
        string[] constants = ids.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(static f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(constants, DiagnosticCatalog.All.Select(static d => d.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_has_a_title_and_a_message_format(string id)
    {
        foreach (DiagnosticDescriptor descriptor in DescriptorsWith(id))
        {
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)), id + " has no title");
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)), id + " has no message format");
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Schema_ids_are_in_the_schema_category_usage_ids_in_the_usage_category_and_event_ids_in_the_events_category(string id)
    {
        string expected = Number(id) < 1000 ? SchemaCategory : Number(id) < 2000 ? UsageCategory : EventsCategory;

        Assert.All(DescriptorsWith(id), d => Assert.Equal(expected, d.Category));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_links_to_its_docs_page(string id)
    {
        Assert.EndsWith("/docs/diagnostics/" + id + ".md", HelpLinks.For(id), StringComparison.Ordinal);
        Assert.All(DescriptorsWith(id), d => Assert.Equal(HelpLinks.For(id), d.HelpLinkUri));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_has_a_docs_page_whose_first_heading_names_its_id_and_title(string id)
    {
        DiagnosticDescriptor descriptor = DescriptorsWith(id).First();
        string title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal($"# {id}: {title}", FirstHeading(id));
    }

    [Theory]
    [MemberData(nameof(MsBuildIds))]
    public void Every_msbuild_error_is_raised_by_the_build_targets_has_a_docs_page_that_names_it_and_a_test(string id)
    {
        string targets = File.ReadAllText(Path.Combine(GeneratorDirectory, "build", "Tsm.Generators.targets"));

        Assert.Contains($"Code=\"{id}\"", targets, StringComparison.Ordinal);
        Assert.StartsWith($"# {id}: ", FirstHeading(id), StringComparison.Ordinal);
        Assert.True(
            TestSources.Value.Any(source => source.Text.Contains("\"error " + id + "\"", StringComparison.Ordinal)),
            $"No test under tests/ asserts \"error {id}\" in a build's output.");
    }

    [Fact]
    public void Every_docs_page_belongs_to_a_descriptor_or_an_msbuild_error()
    {
        HashSet<string> known = DiagnosticCatalog.All.Select(static d => d.Id).Concat(MsBuildErrorIds).ToHashSet(StringComparer.Ordinal);
        string[] orphans = Directory.GetFiles(DocsDirectory, "*.md")
            .Select(static page => Path.GetFileNameWithoutExtension(page))
            .Where(name => name != "README" && !known.Contains(name))
            .ToArray();

        Assert.True(orphans.Length == 0, "Docs pages without a diagnostic: " + string.Join(", ", orphans));
    }

    [Fact]
    public void The_docs_index_links_every_id()
    {
        string index = File.ReadAllText(Path.Combine(DocsDirectory, "README.md"));
        string[] missing = DiagnosticCatalog.All.Select(static d => d.Id)
            .Concat(MsBuildErrorIds)
            .Where(id => !index.Contains($"[{id}]({id}.md)", StringComparison.Ordinal))
            .ToArray();

        Assert.True(missing.Length == 0, "docs/diagnostics/README.md does not link: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_is_tracked_in_the_analyzer_release_files_with_its_category_and_severity(string id)
    {
        IReadOnlyDictionary<string, (string Category, string Severity)> tracked = TrackedRules();
        Assert.True(tracked.TryGetValue(id, out (string Category, string Severity) rule), id + " is in neither AnalyzerReleases.Unshipped.md nor AnalyzerReleases.Shipped.md");

        foreach (DiagnosticDescriptor descriptor in DescriptorsWith(id))
        {
            Assert.Equal(descriptor.Category, rule.Category);
            if (rule.Severity == "Disabled")
            {
                Assert.False(descriptor.IsEnabledByDefault, id + " is tracked as Disabled but is enabled by default");
            }
            else
            {
                Assert.True(descriptor.IsEnabledByDefault, id + " is tracked as " + rule.Severity + " but is disabled by default");
                Assert.Equal(descriptor.DefaultSeverity.ToString(), rule.Severity);
            }
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_is_raised_by_at_least_one_test(string id)
    {
        string literal = "\"" + id + "\"";
        bool raised = TestSources.Value.Any(source => source.Text.Contains(literal, StringComparison.Ordinal));

        Assert.True(
            raised,
            $"No test under tests/ mentions {literal} ({TestSources.Value.Count} files searched). Add a case that runs the generator or the schema analyzer on a schema that raises {id} and asserts the ID as that literal.");
    }

    private static IEnumerable<DiagnosticDescriptor> DescriptorsWith(string id) =>
        DiagnosticCatalog.All.Where(d => d.Id == id);

    private static int Number(string id) => int.Parse(id.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first Markdown heading of <c>docs/diagnostics/&lt;id&gt;.md</c>; fails when the page is missing.</summary>
    private static string FirstHeading(string id)
    {
        string page = Path.Combine(DocsDirectory, id + ".md");
        Assert.True(File.Exists(page), "Missing docs page " + page);
        string? heading = File.ReadLines(page).FirstOrDefault(static line => line.StartsWith('#'));
        Assert.NotNull(heading);
        return heading.TrimEnd();
    }

    /// <summary>
    /// The rules the release tracking files declare, as of the latest release: <c>Shipped.md</c> release by release,
    /// then <c>Unshipped.md</c>. New and changed rules set the category and severity, removed rules drop out.
    /// </summary>
    private static IReadOnlyDictionary<string, (string Category, string Severity)> TrackedRules()
    {
        var rules = new Dictionary<string, (string Category, string Severity)>(StringComparer.Ordinal);
        foreach (string file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            string path = Path.Combine(GeneratorDirectory, file);
            string section = string.Empty;
            foreach (string line in File.Exists(path) ? File.ReadLines(path) : Enumerable.Empty<string>())
            {
                if (line.StartsWith("###", StringComparison.Ordinal))
                {
                    section = line.TrimStart('#').Trim();
                    continue;
                }

                string[] cells = line.Split('|').Select(static c => c.Trim()).ToArray();
                if (cells.Length < 3 || !IdPattern.IsMatch(cells[0]))
                {
                    continue;
                }

                // New and Removed rows: ID | Category | Severity | Notes. Changed rows: ID | New Category | New Severity | Old ...
                if (section == "Removed Rules")
                {
                    rules.Remove(cells[0]);
                }
                else
                {
                    rules[cells[0]] = (cells[1], cells[2]);
                }
            }
        }

        return rules;
    }

    /// <summary>Every C# file of the test projects, except this one (which names IDs without raising them) and build output.</summary>
    private static IReadOnlyList<(string Path, string Text)> ReadTestSources()
    {
        string self = Path.Combine("Diagnostics", nameof(DiagnosticCatalogTests) + ".cs");
        string[] skipped = { "bin", "obj", "Baselines" };
        return Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "tests"), "*.Tests")
            .SelectMany(project => Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
                .Where(file => !Path.GetRelativePath(project, file).Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part))))
            .Where(file => !file.EndsWith(self, StringComparison.Ordinal))
            .Select(static file => (file, File.ReadAllText(file)))
            .ToList();
    }
}
