public import ActiveSync
import Foundation
public import TernStore

/// The global address list: the users of this server, found by what a name, alias or
/// address starts with, case and accents folded ("zoe" finds "Zoë Brandt"). Search, Find
/// and ResolveRecipients look people up here; the users are read once per request.
public struct GALDirectory: Sendable {
    let store: any Store
    let people: [User]

    /// The directory as the store holds it now, sorted by display name.
    public static func load(from store: any Store) async throws(StoreError) -> GALDirectory {
        GALDirectory(
            store: store,
            people: try await store.users().sorted {
                ($0.displayName.lowercased(), $0.login) < ($1.displayName.lowercased(), $1.login)
            })
    }

    /// The users `text` is the start of: of the display name or of any word of it (first or
    /// last name), of the login (the alias), or of an address; in display-name order.
    public func users(matching text: String) -> [User] {
        let wanted = Self.folded(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !wanted.isEmpty else { return [] }
        return people.filter { user in
            let name = Self.folded(user.displayName)
            let names = [name] + name.split(separator: " ").map(String.init)
            return (names + [Self.folded(user.login)] + user.emailAddresses.map(Self.folded)).contains {
                $0.hasPrefix(wanted)
            }
        }
    }

    /// The entry Search and Find send for `user`, with a picture when `pictures` asks for one
    /// and `budget` has room (`budget` counts the pictures still allowed).
    public func entry(for user: User, pictures: PictureOptions?, budget: inout Int?) async throws(StoreError)
        -> GALEntry
    {
        let name = Self.nameParts(user.displayName)
        var entry = GALEntry(
            displayName: user.displayName, alias: user.login, firstName: name.first, lastName: name.last,
            emailAddress: user.primaryAddress)
        if let pictures {
            entry.picture = try await picture(of: user, options: pictures, budget: &budget)
        }
        return entry
    }

    /// The user's photo as a Picture result: 173 without one, 174 over `maxSize`, 175 once
    /// `budget` (MaxPictures) is spent.
    public func picture(of user: User, options: PictureOptions, budget: inout Int?) async throws(StoreError)
        -> GALEntry.Picture
    {
        guard let photo = try await store.userPhoto(of: user.id) else { return .init(status: PictureStatus.noPhoto) }
        guard photo.count <= options.maxSize else { return .init(status: PictureStatus.tooLarge) }
        if let left = budget {
            guard left > 0 else { return .init(status: PictureStatus.overMaxPictures) }
            budget = left - 1
        }
        return .init(status: PictureStatus.found, data: Array(photo))
    }

    /// First and last name from a display name: the last word is the last name.
    static func nameParts(_ displayName: String) -> (first: String?, last: String?) {
        let words = displayName.split(separator: " ")
        guard words.count > 1, let last = words.last else { return (words.first.map(String.init), nil) }
        return (words.dropLast().joined(separator: " "), String(last))
    }

    /// Lowercased, without diacritics.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
