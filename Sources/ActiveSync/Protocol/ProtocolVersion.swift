/// An EAS protocol version as sent in `MS-ASProtocolVersion` (MS-ASHTTP 2.2.1.1.2.6).
///
/// Tern speaks 12.1, 14.0, 14.1, 16.0 and 16.1; OPTIONS advertises them in
/// `MS-ASProtocolVersions: 12.1,14.0,14.1,16.0,16.1`.
public struct ProtocolVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `"14.1"`; nil for anything that is not two dot-separated integers.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        self.init(major, minor)
    }

    // The versions as MS-ASProtocolVersion writes them, 12.1 as v12_1: "v121" would read as 121.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public static let v12_1 = ProtocolVersion(12, 1)
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public static let v14_0 = ProtocolVersion(14, 0)
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public static let v14_1 = ProtocolVersion(14, 1)
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public static let v16_0 = ProtocolVersion(16, 0)
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public static let v16_1 = ProtocolVersion(16, 1)

    /// The versions Tern supports, oldest first.
    public static let supported: [ProtocolVersion] = [.v12_1, .v14_0, .v14_1, .v16_0, .v16_1]

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: ProtocolVersion, rhs: ProtocolVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
