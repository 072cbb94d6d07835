import ActiveSync
public import Foundation
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

    /// Sets the photo the address book (GAL) shows for the user, a JPEG or PNG of at most
    /// 100 KiB (the most a device may ask for); nil removes it.
    public func setPhoto(login: String, photo: Data?) async throws {
        guard let user = try await store.user(login: login) else {
            throw AdministrationError(.notFound, "no user \(login)")
        }
        if let photo {
            let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            guard photo.starts(with: jpeg) || photo.starts(with: png) else {
                throw AdministrationError(.invalid, "the photo is neither JPEG nor PNG")
            }
            guard photo.count <= PictureOptions.largestSize else {
                throw AdministrationError(
                    .invalid, "the photo is \(photo.count) bytes, over the \(PictureOptions.largestSize) a device takes"
                )
            }
        }
        try await store.setUserPhoto(photo, of: user.id)
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
