public import Foundation

/// A mailbox owner who signs in with Basic auth.
public struct User: Hashable, Sendable, Codable {
    public typealias ID = Int64

    public let id: ID
    /// The sign-in name, unique, e.g. `anna`.
    public var login: String
    /// Addresses mail is delivered to; the first is the primary (MS-ASCMD Settings UserInformation).
    public var emailAddresses: [String]
    public var displayName: String
    /// A bcrypt hash (`$2b$...`), never the password.
    public var passwordHash: String
    public var createdAt: Date

    public init(
        id: ID, login: String, emailAddresses: [String], displayName: String, passwordHash: String, createdAt: Date
    ) {
        self.id = id
        self.login = login
        self.emailAddresses = emailAddresses
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }

    public var primaryAddress: String? { emailAddresses.first }
}

/// What it takes to create a user.
public struct NewUser: Hashable, Sendable {
    public var login: String
    public var emailAddresses: [String]
    public var displayName: String
    public var passwordHash: String

    public init(login: String, emailAddresses: [String], displayName: String, passwordHash: String) {
        self.login = login
        self.emailAddresses = emailAddresses
        self.displayName = displayName
        self.passwordHash = passwordHash
    }
}
