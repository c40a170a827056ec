using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Model;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// TSM1006: <c>tdx.Rtmr3.Extend(...)</c> on the register the schema maps to the <c>application</c> role. Application
/// code that names the physical register runs on one platform only; <c>tdx.Logical.Application</c> or
/// <c>MeasurementPlatforms.Open().Application</c> is the same register there and the right one elsewhere. The
/// firmware, boot and os roles are left alone: code that extends those (a boot loader, a kernel component) means the
/// physical register of its platform.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PhysicalRoleRegisterAnalyzer : DiagnosticAnalyzer
{
    private const string ApplicationRole = "application";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PhysicalApplicationRegister);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            SchemaCatalog catalog = SchemaCatalog.Create(start.Options, start.CancellationToken);
            UsageContext? usage = UsageContext.Create(start.Compilation, catalog);
            if (usage is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, usage), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, UsageContext usage)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Extend" ||
            Operations.StripConversions(invocation.Instance) is not IPropertyReferenceOperation { Property.IsIndexer: false } property ||
            RegisterResolver.Resolve(property, usage) is not ResolvedRegister resolved)
        {
            return;
        }

        RoleSpec? role = resolved.Vendor.Spec.Roles.FirstOrDefault(static r => r.Role == ApplicationRole);
        if (role is null || role.RegisterName != resolved.Register.Name)
        {
            return;
        }

        // The device expression: tdx for tdx.Rtmr3, tpm for tpm.Sha256.Pcr23.
        IOperation? device = Operations.StripConversions(property.Instance);
        if (resolved.Register.Bank is not null && device is IPropertyReferenceOperation bank)
        {
            device = Operations.StripConversions(bank.Instance);
        }

        string receiver = device is null || device.IsImplicit ? string.Empty : device.Syntax.ToString() + ".";
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.PhysicalApplicationRegister,
            invocation.Syntax.GetLocation(),
            resolved.Register.Name,
            ApplicationRole,
            resolved.Vendor.DisplayName,
            receiver + "Logical.Application"));
    }
}
