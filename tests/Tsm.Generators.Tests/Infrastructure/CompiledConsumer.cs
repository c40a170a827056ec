using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Tsm.Generators.Tests.Infrastructure;

/// <summary>
/// Emits a compilation (consumer code plus generated code) to memory and loads it, so tests execute what the
/// generator wrote instead of only reading it.
/// </summary>
internal static class CompiledConsumer
{
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        EmitResult emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext("consumer-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Calls a public static method of a type in the loaded assembly.</summary>
    public static object? Invoke(Assembly assembly, string type, string method, params object[] arguments)
    {
        MethodInfo target = assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return target.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
