public import ActiveSync
import Foundation
import MIME
public import TernStore

/// Find (MS-ASCMD 2.2.1.2, 16.1) for one user: the mailbox through the store's full-text
/// index, the GAL through `GALDirectory`; results 0 to the Range's end, with the Total.
public struct FindService: Sendable {
    let store: any Store
    let user: User

    public init(store: any Store, user: User) {
        self.store = store
        self.user = user
    }

    public func handle(_ request: FindRequest) async throws(StoreError) -> FindResponse {
        switch request.criterion {
        case .mailbox(let text, let collectionID, let deep):
            try await findMail(text, in: collectionID, deep: deep, count: request.last + 1)
        case .gal(let text, let picture):
            try await findPeople(text, picture: picture, count: request.last + 1)
        }
    }

    private func findMail(_ text: String, in collectionID: String?, deep: Bool, count: Int) async throws(StoreError)
        -> FindResponse
    {
        let outcome = try await UserMailSearch(store: store, user: user).run(
            text, in: collectionID.map { [$0] } ?? [], deep: deep,
            query: MailSearchQuery(words: [], folderIDs: [], limit: count))
        let (found, collectionIDs): (MailSearchResult, [Folder.ID: String])
        switch outcome {
        case .tooManyWords: return FindResponse(status: .invalidRequest, responseStatus: nil)
        case .unknownFolder: return FindResponse(status: .folderSyncRequired, responseStatus: nil)
        case .found(let result, let ids): (found, collectionIDs) = (result, ids)
        }
        let results = found.items.compactMap { item -> FindResponse.MailResult? in
            guard case .email(let email) = item.content, let collectionID = collectionIDs[item.folderID] else {
                return nil
            }
            let properties = email.properties
            return FindResponse.MailResult(
                serverID: item.serverID, collectionID: collectionID, subject: properties.subject,
                dateReceived: properties.dateReceived, displayTo: Self.names(properties.to),
                displayCc: Self.names(properties.cc), importance: properties.importance, read: properties.read,
                isDraft: properties.isDraft, preview: properties.preview,
                hasAttachments: properties.attachments.contains { !$0.isInline }, from: properties.from)
        }
        return FindResponse(responseStatus: .success, results: .mail(results), total: found.total)
    }

    private func findPeople(_ text: String, picture: PictureOptions?, count: Int) async throws(StoreError)
        -> FindResponse
    {
        let directory = try await GALDirectory.load(from: store)
        let matches = directory.users(matching: text)
        var budget = picture?.maxPictures
        var entries: [GALEntry] = []
        for person in matches.prefix(count) {
            entries.append(try await directory.entry(for: person, pictures: picture, budget: &budget))
        }
        return FindResponse(responseStatus: .success, results: .gal(entries), total: matches.count)
    }

    /// The names of an address line, `;`-separated as DisplayTo has them.
    private static func names(_ line: String?) -> String? {
        guard let line else { return nil }
        return AddressList.parse(line).map { $0.name ?? $0.address }.joined(separator: ";")
    }
}
