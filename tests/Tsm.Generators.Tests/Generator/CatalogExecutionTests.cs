using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// The generated <c>TsmCatalog</c> run: layouts are recognised by the signature of their fixed-offset checks (a
/// truncated report still is, a later check is tested once the bytes reach it), decoded through the catalog by name,
/// and vendors are opened by id.
/// </summary>
public sealed class CatalogExecutionTests
{
    private const string Consumer = """
        using System;
        using Tsm;
        using Tsm.Vendors;

        public static class Probe
        {
            public static bool Signature(string layout, byte[] data) => TsmCatalog.HasSignature(layout, data);

            public static string VisitTdReport()
            {
                byte[] report = new byte[TsmCatalog.MinimumSize("tdreport")];
                report[0] = 0x81;
                var names = new Names();
                int length = TsmCatalog.Visit("tdreport", report, names);
                return length + "|" + names.First;
            }

            public static string DetectionOrder() => string.Join(",", TsmCatalog.DetectionOrder);

            public static string SignatureText(string layout) => TsmCatalog.SignatureText(layout);

            public static string ParseTdReport()
            {
                byte[] report = new byte[TsmCatalog.MinimumSize("tdreport")];
                report[0] = 0x81;
                report[2] = 1;
                (int length, ulong? version) = TsmCatalog.Parse("tdreport", report);
                return length + "|" + version + "|" + TsmCatalog.LayoutTypeName("tdreport");
            }

            public static string OpenEmulated(string vendor)
            {
                using MeasurementDevice device = TsmCatalog.Open(vendor, TsmBackend.Emulated());
                return device.Definition.Vendor;
            }

            private sealed class Names : IReportFieldVisitor
            {
                public string? First { get; private set; }

                public void Integer(string name, ulong value) => First ??= name;

                public void Bytes(string name, ReadOnlySpan<byte> value) => First ??= name;

                public void BeginNested(string name, string typeName) { }

                public void EndNested() { }
            }
        }
        """;

    [Theory]
    [InlineData("tdquote", "0400020081000000", true)]
    [InlineData("tdquote", "04000200810000", false)]
    [InlineData("tdquote", "0400030081000000", false)]
    [InlineData("snpreport", "02000000", true)]
    [InlineData("snpreport", "06000000", false)]
    [InlineData("tdreport", "81", true)]
    [InlineData("tdreport", "80", false)]
    public void A_layout_is_recognised_by_the_leading_run_of_its_fixed_offset_checks(string layout, string hex, bool expected)
    {
        Assert.Equal(expected, (bool)CompiledConsumer.Invoke(Load(), "Probe", "Signature", layout, Convert.FromHexString(hex))!);
    }

    [Fact]
    public void A_later_check_is_tested_once_the_bytes_reach_it()
    {
        byte[] snp = new byte[0x38];
        snp[0] = 2;
        snp[0x34] = 1;
        System.Reflection.Assembly assembly = Load();

        Assert.True((bool)CompiledConsumer.Invoke(assembly, "Probe", "Signature", "snpreport", snp)!);
        snp[0x34] = 2;
        Assert.False((bool)CompiledConsumer.Invoke(assembly, "Probe", "Signature", "snpreport", snp)!);
        Assert.True((bool)CompiledConsumer.Invoke(assembly, "Probe", "Signature", "snpreport", snp[..0x37])!);
    }

    [Fact]
    public void Visit_parses_a_layout_by_name_and_returns_its_length()
    {
        Assert.Equal("1024|reporttype", CompiledConsumer.Invoke(Load(), "Probe", "VisitTdReport"));
    }

    [Theory]
    [InlineData("tdquote", "u16 version 4 or 5, u16 attestationkeytype 2, u32 teetype 0x81")]
    [InlineData("snpreport", "u32 version 2-5, u32 signaturealgo 1")]
    [InlineData("tdreport", "u8 reporttype 0x81")]
    public void SignatureText_says_in_words_what_HasSignature_tests(string layout, string expected)
    {
        Assert.Equal(expected, CompiledConsumer.Invoke(Load(), "Probe", "SignatureText", layout));
    }

    [Fact]
    public void DetectionOrder_tries_the_most_constrained_signature_first()
    {
        Assert.Equal("tdquote,snpreport,tdreport", CompiledConsumer.Invoke(Load(), "Probe", "DetectionOrder"));
    }

    [Fact]
    public void Parse_returns_a_layouts_length_and_version_and_LayoutTypeName_its_parser()
    {
        Assert.Equal("1024|1|TdReport", CompiledConsumer.Invoke(Load(), "Probe", "ParseTdReport"));
    }

    [Fact]
    public void Open_finds_a_vendor_by_id()
    {
        Assert.Equal("tdx", CompiledConsumer.Invoke(Load(), "Probe", "OpenEmulated", "tdx"));
        Assert.Throws<ArgumentException>(() => CompiledConsumer.Invoke(Load(), "Probe", "OpenEmulated", "acme"));
    }

    private static System.Reflection.Assembly Load()
    {
        Compilation output = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas(), Consumer).Output;
        return CompiledConsumer.Load(output);
    }
}
