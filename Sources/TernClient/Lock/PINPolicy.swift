/// What the policy received at Provision asks of the device PIN (MS-ASPROV 2.2.2.27), read
/// from the EASProvisionDoc's settings as the profile keeps them.
///
/// ```xml
/// <EASProvisionDoc><DevicePasswordEnabled>1</DevicePasswordEnabled>
///   <AlphanumericDevicePasswordRequired>0</AlphanumericDevicePasswordRequired>
///   <MinDevicePasswordLength>6</MinDevicePasswordLength>
///   <AllowSimpleDevicePassword>0</AllowSimpleDevicePassword>
///   <MaxDevicePasswordFailedAttempts>5</MaxDevicePasswordFailedAttempts>
///   <MaxInactivityTimeDeviceLock>300</MaxInactivityTimeDeviceLock>…</EASProvisionDoc>
/// ```
///
/// The rules apply only when `DevicePasswordEnabled` is 1; a PIN set without that is checked
/// against nothing but being non-empty.
public struct PINPolicy: Hashable, Sendable {
    /// DevicePasswordEnabled (2.2.2.19): the device must have a PIN.
    public var required: Bool
    /// MinDevicePasswordLength (2.2.2.38); an absent value means no minimum.
    public var minimumLength: Int
    /// AlphanumericDevicePasswordRequired (2.2.2.3): letters and digits both.
    public var alphanumeric: Bool
    /// MinDevicePasswordComplexCharacters (2.2.2.37): how many of the four character groups
    /// (lower case, upper case, digits, others) the PIN must use; it counts only with
    /// `alphanumeric`, as a numeric PIN can use one group alone.
    public var complexGroups: Int
    /// AllowSimpleDevicePassword (2.2.2.7): whether `1234`, `4321` or `1111` will do.
    public var allowsSimple: Bool
    /// MaxDevicePasswordFailedAttempts (2.2.2.35): wrong PINs before the local data is wiped.
    public var maximumFailedAttempts: Int?
    /// MaxInactivityTimeDeviceLock (2.2.2.36), in seconds: idle time before the PIN is asked again.
    public var inactivityLock: Int?

    /// The rules of `settings`; settings left out take the values that ask nothing.
    public init(_ settings: [PolicySetting]) {
        func number(_ name: String) -> Int? {
            settings.last { $0.name == name }.flatMap { Int($0.value) }
        }
        required = number("DevicePasswordEnabled") == 1
        minimumLength = max(number("MinDevicePasswordLength") ?? 1, 1)
        alphanumeric = number("AlphanumericDevicePasswordRequired") == 1
        complexGroups = min(max(number("MinDevicePasswordComplexCharacters") ?? 1, 1), 4)
        allowsSimple = number("AllowSimpleDevicePassword") != 0
        // 0 or an absent value is "no limit" in both (MS-ASPROV 2.2.2.35, 2.2.2.36; 9999 too for the timeout).
        maximumFailedAttempts = number("MaxDevicePasswordFailedAttempts").flatMap { $0 > 0 ? $0 : nil }
        inactivityLock = number("MaxInactivityTimeDeviceLock").flatMap { $0 > 0 && $0 < 9999 ? $0 : nil }
    }

    /// Why `quality` breaks the rules, as one sentence; nil when it does not.
    public func violation(of quality: PINQuality) -> String? {
        guard quality.length > 0 else { return "the PIN is empty" }
        guard required else { return nil }
        var wanted: [String] = []
        if quality.length < minimumLength { wanted.append("at least \(minimumLength) characters") }
        if alphanumeric && !(quality.hasLetter && quality.hasDigit) { wanted.append("letters and digits") }
        if alphanumeric && quality.groups < complexGroups {
            wanted.append("\(complexGroups) of lower case, upper case, digits and symbols")
        }
        if !allowsSimple && quality.isSimple { wanted.append("no simple sequence such as 1234, 4321 or 1111") }
        guard !wanted.isEmpty else { return nil }
        return "the policy needs a PIN with " + wanted.joined(separator: ", ")
    }

    /// The rules in a few words, for `pin status` and the "set a PIN" message.
    public var summary: String {
        guard required else { return "no PIN required" }
        var parts = ["at least \(minimumLength) characters"]
        if alphanumeric { parts.append(complexGroups > 2 ? "\(complexGroups) character groups" : "letters and digits") }
        if !allowsSimple { parts.append("no simple sequences") }
        return parts.joined(separator: ", ")
    }
}
