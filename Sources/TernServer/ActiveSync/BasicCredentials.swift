import Foundation

/// The user name and password of an `Authorization: Basic` header (RFC 7617).
///
/// Devices send the login as `user`, `DOMAIN\user` or an email address; `login` drops a
/// domain prefix. `description` never shows the password (STYLE.md, 9).
struct BasicCredentials: CustomStringConvertible {
    let user: String
    let password: String

    init?(authorization: String?) {
        guard let authorization, authorization.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let decoded = String(data: data, encoding: .utf8), let colon = decoded.firstIndex(of: ":")
        else { return nil }
        user = String(decoded[..<colon])
        password = String(decoded[decoded.index(after: colon)...])
        guard !user.isEmpty else { return nil }
    }

    /// The login without a `DOMAIN\` prefix.
    var login: String {
        user.split(separator: "\\", maxSplits: 1).last.map(String.init) ?? user
    }

    var description: String { "\(user):<redacted>" }
}
