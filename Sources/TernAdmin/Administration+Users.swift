import TernAuth
import TernStore

extension Administration {
    public func users() async throws -> [UserSummary] {
        try await store.users().map(UserSummary.init)
    }

    /// Creates a user with the default folders; the first address is the primary one.
    @discardableResult
    public func createUser(login: String, password: String, displayName: String?, addresses: [String]) async throws
        -> UserSummary
    {
        try Self.checkAddresses(addresses)
        try Self.checkPassword(password)
        return UserSummary(
            try await store.createUser(
                NewUser(
                    login: login, emailAddresses: addresses, displayName: displayName ?? login,
                    passwordHash: PasswordHash.make(password, cost: passwordCost))))
    }

    public func setPassword(login: String, password: String) async throws {
        try Self.checkPassword(password)
        try await store.setPasswordHash(PasswordHash.make(password, cost: passwordCost), login: login)
    }

    public func removeUser(login: String) async throws {
        try await store.removeUser(login: login)
    }

    /// Refuses anything that is not an address mail could be delivered to.
    public static func checkAddresses(_ addresses: [String]) throws(AdministrationError) {
        for address in addresses where !address.contains("@") {
            throw AdministrationError(.invalid, "\(address) is not an email address")
        }
    }

    private static func checkPassword(_ password: String) throws(AdministrationError) {
        guard !password.isEmpty else { throw AdministrationError(.invalid, "the password is empty") }
    }
}
