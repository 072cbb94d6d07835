import ActiveSync
import Foundation
import TernStore

/// One user's mail searched as Search and Find both ask: the text's words (at most
/// `RequestLimits.searchWords`) in the folders a device names (`MailFolderScope`), through
/// the store's index, with each found item's CollectionId.
struct UserMailSearch {
    let store: any Store
    let user: User

    enum Outcome {
        case found(MailSearchResult, collectionIDs: [Folder.ID: String])
        case tooManyWords
        /// A CollectionId names no folder of the user.
        case unknownFolder
    }

    /// `query`'s words and folder IDs are filled in from `text` and the folders chosen.
    func run(
        _ text: String, in collectionIDs: [String], deep: Bool, folderTypes: [Int] = [], query: MailSearchQuery
    ) async throws(StoreError) -> Outcome {
        let words = MailSearchQuery.words(in: text)
        guard words.count <= RequestLimits.searchWords else { return .tooManyWords }
        let folders = try await store.folders(of: user.id)
        guard
            let searched = MailFolderScope(folders).folders(collectionIDs, deep: deep)?.filter({
                folderTypes.isEmpty || folderTypes.contains($0.type.rawValue)
            })
        else { return .unknownFolder }
        var query = query
        query.words = words
        query.folderIDs = searched.map(\.id)
        return .found(
            try await store.searchMail(query),
            collectionIDs: Dictionary(uniqueKeysWithValues: folders.map { ($0.id, $0.serverID) }))
    }
}
