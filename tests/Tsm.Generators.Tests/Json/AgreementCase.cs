namespace Tsm.Generators.Tests.Json;

/// <param name="Accepted">What both readers must conclude, so a change in either one shows up.</param>
internal sealed record AgreementCase(string Name, byte[] Utf8, bool Accepted);
