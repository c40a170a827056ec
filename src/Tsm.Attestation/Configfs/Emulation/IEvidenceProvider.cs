namespace Tsm.Attestation.Configfs;

/// <summary>
/// A provider registered with <see cref="EmulatedConfigfsTsm"/>: the model's counterpart of a driver's
/// <c>struct tsm_report_ops</c> (<c>include/linux/tsm.h</c>): its name, which attributes it shows, its privlevel floor
/// and its <c>report_new</c>. Implement it to plug other evidence into the model, for example a signing attester.
/// </summary>
public interface IEvidenceProvider
{
    /// <summary>What the <c>provider</c> attribute shows (<see cref="TsmReportProviders"/>).</summary>
    string Name { get; }

    /// <summary>The lowest privlevel a guest may request; <c>privlevel_floor</c> shows it.</summary>
    uint PrivlevelFloor { get; }

    /// <summary>Whether the instance shows <paramref name="attribute"/> (the driver's <c>report_attr_visible</c>/<c>report_bin_attr_visible</c>).</summary>
    /// <param name="attribute">One of <see cref="TsmReportAttributes.All"/>.</param>
    bool IsVisible(string attribute);

    /// <summary>
    /// Makes the report for <paramref name="request"/>, as <c>report_new</c> does: at the first blob read after the
    /// generation changed, never otherwise, so a cached report survives later register extends.
    /// </summary>
    /// <param name="request">The instance's inputs at this generation.</param>
    /// <returns>The blobs, or the errno the driver returns.</returns>
    EvidenceResult Generate(EvidenceRequest request);
}
