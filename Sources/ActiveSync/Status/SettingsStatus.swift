/// Settings Status values (MS-ASCMD 2.2.3.177.14).
public struct SettingsStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = SettingsStatus(rawValue: 1)
    public static let protocolError = SettingsStatus(rawValue: 2)
    public static let invalidArguments = SettingsStatus(rawValue: 5)
}
