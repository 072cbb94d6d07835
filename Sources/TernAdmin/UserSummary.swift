public import Foundation
public import TernStore

/// A user as listed by `tern user list --json` and `GET /admin/api/v1/users`: never the hash.
public struct UserSummary: Codable, Hashable, Sendable {
    public let login: String
    public let displayName: String
    public let emailAddresses: [String]
    public let createdAt: Date

    public init(_ user: User) {
        login = user.login
        displayName = user.displayName
        emailAddresses = user.emailAddresses
        createdAt = user.createdAt
    }
}
