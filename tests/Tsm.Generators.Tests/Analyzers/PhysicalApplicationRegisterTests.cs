using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Tsm.Generators.Analyzers;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// TSM1006: extending the register a schema maps to the application role by its physical name. It runs with every
/// other usage analyzer here, but not in <see cref="UsageTesting.Analyzers"/>: its Info would sit on every
/// <c>tdx.Rtmr3.Extend</c> of the other analyzers' tests.
/// </summary>
public sealed class PhysicalApplicationRegisterTests
{
    private const string Id = "TSM1006";

    [Fact]
    public async Task Extending_the_application_register_by_its_physical_property_is_reported_on_every_platform()
    {
        await Verify("""
            {|TSM1006:tdx.Rtmr3.Extend(Sha384Digest.Compute(x))|};
            {|TSM1006:tdx.Rtmr3.Extend(SHA384.HashData(x))|};
            {|TSM1006:tpm.Sha256.Pcr23.Extend(Sha256Digest.Compute(x))|};
            {|TSM1006:tpm.Sha1.Pcr23.Extend(Sha1Digest.Compute(x))|};
            {|TSM1006:cca.Rem3.Extend(x)|};
            {|TSM1006:sample.Rtmr1.Extend(Sha384Digest.Compute(x))|};
            """);
    }

    [Fact]
    public async Task The_logical_register_and_the_registers_of_other_roles_or_none_are_not_reported()
    {
        await Verify("""
            tdx.Logical.Application.Extend(Sha384Digest.Compute(x));
            tpm.Logical.Application.ExtendEvent(x);
            cca.Logical.Application.Extend(x);
            tdx.Rtmr0.Extend(Sha384Digest.Compute(x));
            tdx.Rtmr1.Extend(Sha384Digest.Compute(x));
            tdx.Rtmr2.Extend(Sha384Digest.Compute(x));
            tpm.Sha256.Pcr8.Extend(Sha256Digest.Compute(x));
            tpm.Sha256.Pcr16.Extend(Sha256Digest.Compute(x));
            cca.Rem0.Extend(x);
            Sha384Digest value = tdx.Rtmr3.Read();
            """);
    }

    [Fact]
    public async Task The_message_names_the_register_the_role_the_platform_and_the_replacement()
    {
        Diagnostic tdx = Assert.Single(await Analyze("tdx.Rtmr3.Extend(Sha384Digest.Compute(x));"));
        Diagnostic tpm = Assert.Single(await Analyze("tpm.Sha384.Pcr23.Extend(Sha384Digest.Compute(x));"));

        Assert.Equal(Id, tdx.Id);
        Assert.Equal(DiagnosticSeverity.Info, tdx.Severity);
        Assert.Equal(
            "rtmr3 is the 'application' logical register of Intel TDX; use tdx.Logical.Application or MeasurementPlatforms.Open() so the code runs on every platform",
            tdx.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            "pcr23 is the 'application' logical register of TPM 2.0; use tpm.Logical.Application or MeasurementPlatforms.Open() so the code runs on every platform",
            tpm.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<IReadOnlyList<Diagnostic>> Analyze(string statements)
    {
        (IReadOnlyList<Diagnostic> errors, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(
            AllAnalyzers, OutputKind.DynamicallyLinkedLibrary, UsageTesting.InMethod(statements));
        Assert.Empty(errors);
        return diagnostics;
    }

    private static IEnumerable<DiagnosticAnalyzer> AllAnalyzers => UsageTesting.Analyzers.Append(new PhysicalRoleRegisterAnalyzer());

    private static Task Verify(string statements) => new RoleAnalyzerTest(UsageTesting.InMethod(statements)).RunAsync();

    /// <summary>Every usage analyzer plus <see cref="PhysicalRoleRegisterAnalyzer"/>, over the shipped schemas.</summary>
    private sealed class RoleAnalyzerTest : CSharpAnalyzerTest<PhysicalRoleRegisterAnalyzer, DefaultVerifier>
    {
        public RoleAnalyzerTest(string source)
        {
            TestCode = source;
            UsageTesting.Configure(this);
        }

        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(TsmSchemaGenerator) };

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers;

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
