import Foundation

/// One mailbox from an address field (RFC 5322 section 3.4): a display name and an addr-spec.
///
/// Members of a group (`Team: a@example.com, b@example.com;`) carry the group's display name
/// in `group`.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name, encoded words decoded; nil when there is none.
    public var name: String?
    /// The addr-spec, `local-part@domain`, without angle brackets.
    public var address: String
    /// The display name of the group this mailbox was listed in.
    public var group: String?

    public init(name: String? = nil, address: String, group: String? = nil) {
        self.name = name
        self.address = address
        self.group = group
    }

    /// `"Name" <address>`, or the bare address when there is no name.
    public var description: String {
        guard let name else { return address }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\" <\(address)>"
    }
}
