import Foundation

/// What every backend does the same way, written once on top of its own requirements.
extension Store {
    public func addItem(_ content: ItemContent, to folderID: Folder.ID) async throws(StoreError) -> Item {
        let items = try await addItems([content], to: folderID)
        guard let item = items.first else { throw StoreError(.database, "an added item vanished") }
        return item
    }

    public func listenForChanges(of userID: User.ID) async throws(StoreError) {}

    public func recipient(address: String) async throws(StoreError) -> (user: User, folders: [Folder])? {
        guard let user = try await user(address: address) else { return nil }
        return (user, try await folders(of: user.id))
    }

    /// The login of `new`, trimmed, once it is one a user may have and neither it nor any of
    /// the addresses belongs to someone (a backend's unique indexes still decide a race).
    package func availableLogin(for new: NewUser) async throws(StoreError) -> String {
        let login = new.login.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, !login.contains(where: { $0.isWhitespace || $0 == ":" }) else {
            throw StoreError(.invalid, "login \"\(new.login)\" is empty or holds spaces or a colon")
        }
        if let taken = try await user(login: login) {
            throw StoreError(.alreadyExists, "user \(taken.login) already exists")
        }
        for address in new.emailAddresses where try await user(address: address) != nil {
            throw StoreError(.alreadyExists, "address \(address) already belongs to a user")
        }
        return login
    }
}
