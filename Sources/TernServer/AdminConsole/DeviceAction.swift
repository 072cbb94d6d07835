import TernAdmin

/// What the console can do to a device, each through `Administration` as the API and the CLI
/// do it, and each confirmed in words that name the device before it is sent.
enum DeviceAction: String, CaseIterable, Sendable {
    case wipe
    /// A 16.1 AccountOnlyRemoteWipe: the account's data goes, the rest of the phone stays.
    case accountWipe = "account-wipe"
    case block, allow, remove, resync

    /// The button's words.
    var label: String {
        switch self {
        case .wipe: "Wipe"
        case .accountWipe: "Wipe account only"
        case .block: "Block"
        case .allow: "Allow"
        case .remove: "Remove"
        case .resync: "Resync"
        }
    }

    /// Whether the action ends or erases something, which its button shows.
    var isDestructive: Bool { self == .wipe || self == .accountWipe || self == .remove }

    /// Whether the console offers it for `device`: an account-only wipe needs EAS 16.1.
    func applies(to device: DeviceSummary) -> Bool {
        self != .accountWipe || device.protocolVersion == "16.1"
    }

    /// The question the browser asks before sending the action.
    func confirmation(for device: DeviceSummary) -> String {
        let name = Self.name(of: device)
        return switch self {
        case .wipe: "Wipe \(name)? Everything on the device is erased at its next connection."
        case .accountWipe: "Wipe the account from \(name)? Its mail and data go; the rest of the device stays."
        case .block: "Block \(name)? It is refused until it is allowed again."
        case .allow: "Allow \(name) again? It provisions afresh."
        case .remove: "Remove \(name)? Tern forgets it; seen again it is a new device."
        case .resync: "Resync \(name)? It downloads all its folders again."
        }
    }

    /// What the page says once it is done.
    func done(for device: DeviceSummary) -> String {
        let name = Self.name(of: device)
        return switch self {
        case .wipe: "Wipe sent to \(name): it is erased at its next connection."
        case .accountWipe: "Account-only wipe sent to \(name)."
        case .block: "\(name) is blocked."
        case .allow: "\(name) is allowed again."
        case .remove: "\(name) is removed."
        case .resync: "\(name) will sync everything again."
        }
    }

    func perform(on device: DeviceSummary, with administration: Administration) async throws {
        let (login, id) = (device.user, device.deviceID)
        switch self {
        case .wipe: try await administration.wipe(login: login, deviceID: id, accountOnly: false)
        case .accountWipe: try await administration.wipe(login: login, deviceID: id, accountOnly: true)
        case .block: try await administration.block(login: login, deviceID: id)
        case .allow: try await administration.allow(login: login, deviceID: id)
        case .remove: try await administration.remove(login: login, deviceID: id)
        case .resync: try await administration.resync(login: login, deviceID: id)
        }
    }

    /// `Pixel 7 (anna's device R3KX9)`, or the type when the device never said its model.
    static func name(of device: DeviceSummary) -> String {
        "\(device.model ?? device.deviceType) (\(device.user)'s device \(device.deviceID))"
    }
}
