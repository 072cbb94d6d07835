public import TernAuth
public import TernStore

/// The admin operations on users, devices and the policy, shared by the `tern` commands and
/// the admin HTTP API so that both do exactly the same thing (one file per concern:
/// `Administration+Users`, `+Devices`, `+Policy`). Failures are `AdministrationError` (no
/// such user or device, a bad value) or the store's own `StoreError` (taken, invalid).
public struct Administration: Sendable {
    public let store: any Store
    /// The bcrypt work factor of passwords set here.
    public var passwordCost: UInt8

    public init(store: any Store, passwordCost: UInt8 = PasswordHash.defaultCost) {
        self.store = store
        self.passwordCost = passwordCost
    }

    /// The user with `login`, or `no user LOGIN`.
    func user(_ login: String) async throws -> User {
        guard let user = try await store.user(login: login) else {
            throw AdministrationError(.notFound, "no user \(login)")
        }
        return user
    }
}
