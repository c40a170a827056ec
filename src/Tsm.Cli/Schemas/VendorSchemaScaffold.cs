namespace Tsm.Cli.Schemas;

/// <summary>
/// The smallest useful vendor schema (docs/schema.md): the required keys, one register fixed at launch and one
/// extended at run time, so the generated class shows both kinds. It passes the generator with no diagnostics.
/// </summary>
internal static class VendorSchemaScaffold
{
    /// <summary>The file for <paramref name="vendor"/>, a valid vendor id (<see cref="VendorJsonSchema.IsVendorId"/>): no JSON escaping is needed.</summary>
    public static string For(string vendor) => $$"""
        {
          "$schema": "./{{VendorJsonSchema.FileName}}",
          "vendor": "{{vendor}}",
          "displayName": "{{vendor}}",
          "description": "The measurement registers of {{vendor}}. Every key is described in docs/schema.md of Tsm.",
          "sources": ["Where these facts come from: the kernel driver, the ABI document, the specification."],
          "device": { "sysfs": "/sys/class/misc/{{vendor}}/measurements" },
          "registers": [
            {
              "name": "launch_mr",
              "description": "Set when the platform launches; read-only afterwards.",
              "hash": "sha384",
              "flags": ["readable"]
            },
            {
              "name": "runtime_mr",
              "description": "Extended at run time: new value = SHA-384(old value || 48-byte digest).",
              "hash": "sha384",
              "flags": ["readable", "extendable"],
              "extend": { "rule": "hash-concat" }
            }
          ]
        }

        """.ReplaceLineEndings("\n");
}
