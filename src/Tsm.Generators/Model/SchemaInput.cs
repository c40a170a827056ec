namespace Tsm.Generators.Model;

/// <summary>A schema file as the pipeline sees it: its path and text (never the <c>AdditionalText</c> itself).</summary>
internal sealed record SchemaInput(string Path, string Text);
