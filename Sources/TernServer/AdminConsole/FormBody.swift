import Foundation
import TernAdmin

/// A console form as the browser posts it (`application/x-www-form-urlencoded`, HTML
/// 4.10.21.7), read from a body already bounded by `AdminConsole.maxFormBytes`. A field sent
/// twice keeps its first value.
struct FormBody: Sendable {
    private let fields: [String: String]

    /// Throws when a name or value is not percent-encoded UTF-8.
    init(_ bytes: [UInt8]) throws(AdministrationError) {
        var fields: [String: String] = [:]
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw AdministrationError(.invalid, "the form is not properly encoded")
            }
            if fields[name] == nil { fields[name] = value }
        }
        self.fields = fields
    }

    subscript(name: String) -> String? { fields[name] }

    /// The field's value without surrounding white space; `label` names it when it is
    /// missing or blank.
    func required(_ name: String, label: String) throws(AdministrationError) -> String {
        let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !value.isEmpty else { throw AdministrationError(.invalid, "\(label) is required") }
        return value
    }

    /// The field's value without surrounding white space, nil when missing or blank.
    func optional(_ name: String) -> String? {
        let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return value.isEmpty ? nil : value
    }

    private static func decode(_ encoded: Substring) -> String? {
        encoded.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
