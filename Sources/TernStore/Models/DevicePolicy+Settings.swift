import Foundation

extension DevicePolicy {
    /// The policy as `(name, value)` pairs named as the EASProvisionDoc elements
    /// (MS-ASPROV 2.2.2), in document order; `tern policy show` prints these.
    public var settings: [(name: String, value: String)] {
        Self.keys.map { key in (key.name, key.get(self)) }
    }

    /// Sets one setting by its EASProvisionDoc name (case-insensitive). Booleans take
    /// 1/0/true/false, numbers take a non-negative integer, optional limits also take `none`.
    public mutating func set(_ name: String, to value: String) throws(StoreError) {
        guard let key = Self.keys.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw StoreError(
                .invalid, "unknown policy setting \(name); known: \(Self.keys.map(\.name).joined(separator: ", "))")
        }
        guard key.set(&self, value) else {
            throw StoreError(.invalid, "\(key.name) does not take the value \(value) (\(key.kind))")
        }
    }

    private struct Key: Sendable {
        let name: String
        let kind: String
        let get: @Sendable (DevicePolicy) -> String
        let set: @Sendable (inout DevicePolicy, String) -> Bool

        static func flag(_ name: String, _ path: any WritableKeyPath<DevicePolicy, Bool> & Sendable) -> Key {
            Key(
                name: name, kind: "1 or 0", get: { $0[keyPath: path] ? "1" : "0" },
                set: { policy, text in
                    switch text.lowercased() {
                    case "1", "true", "yes": policy[keyPath: path] = true
                    case "0", "false", "no": policy[keyPath: path] = false
                    default: return false
                    }
                    return true
                })
        }

        static func number(_ name: String, _ path: any WritableKeyPath<DevicePolicy, Int> & Sendable) -> Key {
            Key(
                name: name, kind: "a number", get: { String($0[keyPath: path]) },
                set: { policy, text in
                    guard let number = Int(text), number >= 0 else { return false }
                    policy[keyPath: path] = number
                    return true
                })
        }

        static func limit(_ name: String, _ path: any WritableKeyPath<DevicePolicy, Int?> & Sendable) -> Key {
            Key(
                name: name, kind: "a number or none", get: { $0[keyPath: path].map(String.init) ?? "none" },
                set: { policy, text in
                    if text.lowercased() == "none" {
                        policy[keyPath: path] = nil
                        return true
                    }
                    guard let number = Int(text), number >= 0 else { return false }
                    policy[keyPath: path] = number
                    return true
                })
        }
    }

    private static let keys: [Key] = [
        .flag("DevicePasswordEnabled", \.devicePasswordEnabled),
        .flag("AlphanumericDevicePasswordRequired", \.alphanumericDevicePasswordRequired),
        .number("MinDevicePasswordLength", \.minDevicePasswordLength),
        .number("MinDevicePasswordComplexCharacters", \.minDevicePasswordComplexCharacters),
        .flag("AllowSimpleDevicePassword", \.allowSimpleDevicePassword),
        .limit("MaxDevicePasswordFailedAttempts", \.maxDevicePasswordFailedAttempts),
        .limit("MaxInactivityTimeDeviceLock", \.maxInactivityTimeDeviceLock),
        .limit("DevicePasswordExpiration", \.devicePasswordExpiration),
        .number("DevicePasswordHistory", \.devicePasswordHistory),
        .flag("RequireDeviceEncryption", \.requireDeviceEncryption),
        .flag("AttachmentsEnabled", \.attachmentsEnabled),
        .limit("MaxAttachmentSize", \.maxAttachmentSize),
    ]
}
