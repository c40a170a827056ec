using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// What an <see cref="EmulatedDevice"/> holds that changes while it runs (<see cref="EmulatedDevice.Export"/>), as
/// <see cref="FileEmulatedBackend"/> keeps it between operations.
/// </summary>
/// <param name="Vendor">The device's <see cref="DeviceDefinition.Vendor"/>.</param>
/// <param name="InSync">tsm-mr's group-wide <c>in_sync</c> flag (<c>drivers/virt/coco/guest/tsm-mr.c</c>).</param>
/// <param name="PendingRefreshErrno">The injected errno of the next group refresh; 0 for none.</param>
/// <param name="Registers">One entry per register file, in schema order.</param>
/// <param name="Offset">Where the entry starts in the state file, for messages; 0 when it was not read from one.</param>
internal sealed record EmulatedDeviceState(string Vendor, bool InSync, int PendingRefreshErrno, IReadOnlyList<EmulatedRegisterState> Registers, long Offset = 0);
